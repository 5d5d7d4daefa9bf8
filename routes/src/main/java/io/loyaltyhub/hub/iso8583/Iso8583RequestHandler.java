package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.adapters.iso8583.Iso8583Codec;
import io.loyaltyhub.adapters.iso8583.Iso8583Dialect;
import io.loyaltyhub.adapters.iso8583.Iso8583Message;
import io.loyaltyhub.adapters.iso8583.MacKey;
import io.loyaltyhub.adapters.iso8583.MalformedMessageException;
import io.loyaltyhub.adapters.iso8583.MessageAuthentication;
import io.loyaltyhub.adapters.iso8583.MessageKind;
import io.loyaltyhub.adapters.iso8583.ResponseBuilder;
import io.loyaltyhub.adapters.iso8583.ResponseCode;
import io.loyaltyhub.adapters.iso8583.TransactionRequestReader;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.Submitted;
import io.loyaltyhub.hub.logging.RepeatedWarning;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ISO 8583 channel's two steps around the intake, for one listener: {@link #readRequest} turns a frame into the
 * transaction the intake takes (after its MAC and terminal are checked), or answers it at once (keep-alive, network
 * management, malformed, refused); {@link #answerVerdict} turns the engine's verdict into the signed response.
 * Nothing here logs card data: identifying fields only.
 */
public final class Iso8583RequestHandler {

    private static final Logger log = LoggerFactory.getLogger(Iso8583RequestHandler.class);
    /** Refusals that can come by the thousand under overload: one line per kind every 10 s, with the count left out. */
    private static final RepeatedWarning notStoredWarnings = new RepeatedWarning(log, java.time.Duration.ofSeconds(10),
            java.time.Clock.systemUTC());
    /** Echo test, sign-on, sign-off: answered 00; they move no points. */
    private static final Set<String> NETWORK_CODES_ANSWERED = Set.of("001", "002", "301");
    /** The request a transaction on this exchange came from (an {@link InIntake}). */
    static final String IN_INTAKE = "loyaltyhub.iso8583.request";

    private final String listener;
    private final Iso8583Codec codec;
    private final ResponseBuilder responses;
    private final MessageAuthentication authentication;
    private final TerminalAuthentication terminals;
    private final TransactionRequestReader reader;

    Iso8583RequestHandler(String listener, Iso8583Codec codec, TerminalAuthentication terminals,
                          TransactionRequestReader reader) {
        this.listener = listener;
        this.codec = codec;
        this.responses = new ResponseBuilder();
        this.authentication = new MessageAuthentication(codec);
        this.terminals = terminals;
        this.reader = reader;
    }

    /** A request whose transaction went to the intake, and the MAC key its answer is signed with. */
    record InIntake(Iso8583Message request, MessageKind kind, PosTransaction transaction, Optional<MacKey> macKey) {
    }

    /**
     * Body: the received {@link Iso8583Frame} → the {@link PosTransaction} for the intake (the request is kept as
     * {@link #IN_INTAKE}), or the answer frame to send at once, or null: nothing to answer, close the connection.
     */
    public void readRequest(Exchange exchange) {
        Iso8583Frame frame = exchange.getMessage().getBody(Iso8583Frame.class);
        exchange.getMessage().setBody(read(frame, exchange));
    }

    private Object read(Iso8583Frame frame, Exchange exchange) {
        if (frame.isKeepAlive()) {
            return Iso8583Frame.KEEP_ALIVE;
        }
        Iso8583Message request;
        try {
            request = codec.decode(frame.bytes());
        } catch (MalformedMessageException e) {
            Optional<Iso8583Message> answer = responses.formatError(e);
            log.info("ISO 8583 listener {}: malformed message ({}); {}", listener, e.getMessage(),
                    answer.isPresent() ? "answered 30" : "MTI unreadable, closing the connection");
            return answer.map(this::frame).orElse(null);
        }
        try {
            Object read = read(request, frame.bytes());
            if (read instanceof InIntake inIntake) {
                exchange.setProperty(IN_INTAKE, inIntake);
                return inIntake.transaction();
            }
            Iso8583Message answer = (Iso8583Message) read;
            logAnswer(request, answer);
            return frame(answer);
        } catch (RuntimeException e) {
            log.error("ISO 8583 listener {}: could not process {} STAN {}", listener, request.mti(),
                    request.field(Iso8583Dialect.STAN).orElse("-"), e);
            return frame(responses.refusal(request, ResponseCode.SYSTEM_ERROR));
        }
    }

    /** The answer at once (an {@link Iso8583Message}), or the transaction's way into the intake ({@link InIntake}). */
    private Object read(Iso8583Message request, byte[] received) {
        Optional<MessageKind> kind = MessageKind.of(request.mti());
        if (kind.isEmpty()) {
            return responses.refusal(request, ResponseCode.INVALID_TRANSACTION);
        }
        if (kind.get() == MessageKind.NETWORK_MANAGEMENT) {
            return networkManagement(request);
        }
        TerminalAuthentication.Result who = terminals.authenticate(request, received);
        if (who instanceof TerminalAuthentication.Refused refused) {
            log.info("ISO 8583 listener {}: {} refused: {}", listener, request.mti(), refused.reason());
            return responses.refusal(request, refused.responseCode());
        }
        TerminalAuthentication.Authenticated terminal = (TerminalAuthentication.Authenticated) who;
        TransactionRequestReader.Reading reading = reader.read(request, kind.get(), terminal.terminal());
        if (reading instanceof TransactionRequestReader.Refused refused) {
            log.info("ISO 8583 listener {}: {} from terminal {} refused: {}", listener, request.mti(),
                    terminal.terminal().terminalId().value(), refused.reason());
            return signed(responses.refusal(request, refused.responseCode()), terminal.macKey());
        }
        PosTransaction transaction = ((TransactionRequestReader.Understood) reading).transaction();
        return new InIntake(request, kind.get(), transaction, terminal.macKey());
    }

    /**
     * Body: the {@link Submitted.Verdict} → the signed answer frame. Stored but not answered in time:
     * {@link UnansweredInTime}. Not stored, or not confirmed as stored: 91 when the hub certainly did not take it
     * (over capacity, stopping, queue unreachable), 96 when it may have; either way the terminal sends it again and a
     * copy is counted once.
     */
    public void answerVerdict(Exchange exchange) {
        InIntake inIntake = exchange.getProperty(IN_INTAKE, InIntake.class);
        Submitted.Verdict verdict = exchange.getMessage().getBody(Submitted.Verdict.class);
        Iso8583Message answer = signed(answer(inIntake, verdict), inIntake.macKey());
        logAnswer(inIntake.request(), answer);
        exchange.getMessage().setBody(frame(answer));
    }

    private Iso8583Message answer(InIntake inIntake, Submitted.Verdict verdict) {
        Iso8583Message request = inIntake.request();
        if (verdict instanceof Submitted.Answered answered) {
            return responses.answer(request, answered.outcome());
        }
        if (verdict instanceof Submitted.NotStored notStored) {
            notStoredWarnings.warn(notStored.code(), "ISO 8583 listener {}: transaction {} {}: {}", listener, inIntake.transaction().key(), notStored.code(),
                    notStored.reason());
            return responses.refusal(request, notStored.certain() ? ResponseCode.ISSUER_UNAVAILABLE : ResponseCode.SYSTEM_ERROR);
        }
        // The timeout's answer is built only when the timeout fires: building it for every message showed in the profile.
        return UnansweredInTime.answer(request, inIntake.kind(), inIntake.transaction().type(), responses);
    }

    private Iso8583Message networkManagement(Iso8583Message request) {
        Optional<String> code = request.field(Iso8583Dialect.NETWORK_MANAGEMENT_CODE);
        if (code.isEmpty()) {
            return responses.refusal(request, ResponseCode.FORMAT_ERROR);
        }
        return responses.refusal(request, NETWORK_CODES_ANSWERED.contains(code.get())
                ? ResponseCode.APPROVED : ResponseCode.INVALID_TRANSACTION);
    }

    private Iso8583Message signed(Iso8583Message answer, Optional<MacKey> key) {
        return key.map(k -> authentication.sign(answer, k)).orElse(answer);
    }

    private Iso8583Frame frame(Iso8583Message answer) {
        return new Iso8583Frame(codec.encode(answer));
    }

    /** Identifying fields only: MTI, STAN, terminal, merchant, response code. Never card data. */
    private void logAnswer(Iso8583Message request, Iso8583Message answer) {
        log.debug("ISO 8583 listener {}: {} STAN {} terminal {} merchant {} answered {} {}", listener, request.mti(),
                request.field(Iso8583Dialect.STAN).orElse("-"),
                request.field(Iso8583Dialect.TERMINAL_ID).map(String::trim).orElse("-"),
                request.field(Iso8583Dialect.MERCHANT_ID).map(String::trim).orElse("-"),
                answer.mti(), answer.field(Iso8583Dialect.RESPONSE_CODE).orElse("-"));
        if (log.isDebugEnabled()) {
            log.debug("ISO 8583 listener {}: request {} answer {}", listener, request, answer);
        }
    }
}
