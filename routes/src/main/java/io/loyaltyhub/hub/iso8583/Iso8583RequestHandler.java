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
import io.loyaltyhub.hub.swipe.SwipeGateway;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request frame in, its answer frame out, as a pipeline of steps that each either pass the message on
 * or settle the answer: read the bytes (30), know the message class (12), answer network management,
 * authenticate the terminal (58), read the transaction (12/13/14/30), submit it and wait for the engine
 * (its own code, or {@link UnansweredInTime}). The answer is signed when the terminal has a MAC key.
 * Nothing here throws: a fault becomes 96, so no swipe vanishes without an answer.
 */
public final class Iso8583RequestHandler {

    private static final Logger log = LoggerFactory.getLogger(Iso8583RequestHandler.class);
    /** Echo test, sign-on, sign-off: answered 00; they move no points. */
    private static final Set<String> NETWORK_CODES_ANSWERED = Set.of("001", "002", "301");

    private final String listener;
    private final Iso8583Codec codec;
    private final ResponseBuilder responses;
    private final MessageAuthentication authentication;
    private final TerminalAuthentication terminals;
    private final TransactionRequestReader reader;
    private final SwipeGateway gateway;
    private final Duration answerTimeout;

    Iso8583RequestHandler(String listener, Iso8583Codec codec, TerminalAuthentication terminals,
                          TransactionRequestReader reader, SwipeGateway gateway, Duration answerTimeout) {
        this.listener = listener;
        this.codec = codec;
        this.responses = new ResponseBuilder();
        this.authentication = new MessageAuthentication(codec);
        this.terminals = terminals;
        this.reader = reader;
        this.gateway = gateway;
        this.answerTimeout = answerTimeout;
    }

    /** The answer to one frame; empty means there is nothing to answer and the connection should be closed. */
    public CompletableFuture<Optional<Iso8583Frame>> answer(Iso8583Frame frame) {
        if (frame.isKeepAlive()) {
            return CompletableFuture.completedFuture(Optional.of(Iso8583Frame.KEEP_ALIVE));
        }
        Iso8583Message request;
        try {
            request = codec.decode(frame.bytes());
        } catch (MalformedMessageException e) {
            Optional<Iso8583Message> answer = responses.formatError(e);
            log.info("ISO 8583 listener {}: malformed message ({}); {}", listener, e.getMessage(),
                    answer.isPresent() ? "answered 30" : "MTI unreadable, closing the connection");
            return CompletableFuture.completedFuture(answer.map(this::frame));
        }
        try {
            return answer(request, frame.bytes()).thenApply(answer -> {
                logAnswer(request, answer);
                return Optional.of(frame(answer));
            });
        } catch (RuntimeException e) {
            log.error("ISO 8583 listener {}: could not process {} STAN {}", listener, request.mti(),
                    request.field(Iso8583Dialect.STAN).orElse("-"), e);
            return CompletableFuture.completedFuture(Optional.of(frame(responses.refusal(request, ResponseCode.SYSTEM_ERROR))));
        }
    }

    private CompletableFuture<Iso8583Message> answer(Iso8583Message request, byte[] received) {
        Optional<MessageKind> kind = MessageKind.of(request.mti());
        if (kind.isEmpty()) {
            return settled(responses.refusal(request, ResponseCode.INVALID_TRANSACTION));
        }
        if (kind.get() == MessageKind.NETWORK_MANAGEMENT) {
            return settled(networkManagement(request));
        }
        TerminalAuthentication.Result who = terminals.authenticate(request, received);
        if (who instanceof TerminalAuthentication.Refused refused) {
            log.info("ISO 8583 listener {}: {} refused: {}", listener, request.mti(), refused.reason());
            return settled(responses.refusal(request, refused.responseCode()));
        }
        TerminalAuthentication.Authenticated terminal = (TerminalAuthentication.Authenticated) who;
        TransactionRequestReader.Reading reading = reader.read(request, kind.get(), terminal.terminal());
        if (reading instanceof TransactionRequestReader.Refused refused) {
            log.info("ISO 8583 listener {}: {} from terminal {} refused: {}", listener, request.mti(),
                    terminal.terminal().terminalId().value(), refused.reason());
            return settled(signed(responses.refusal(request, refused.responseCode()), terminal.macKey()));
        }
        PosTransaction transaction = ((TransactionRequestReader.Understood) reading).transaction();
        return submit(request, kind.get(), transaction)
                .thenApply(answer -> signed(answer, terminal.macKey()));
    }

    /**
     * Hands the transaction to the gateway and waits up to the answer timeout for the engine. Stored but not answered
     * in time: {@link UnansweredInTime}. Not stored, or not confirmed as stored: 91 when the hub certainly did not
     * take it (over capacity, stopping, queue unreachable), 96 when it may have; either way the terminal sends it again
     * and a copy is counted once.
     */
    private CompletableFuture<Iso8583Message> submit(Iso8583Message request, MessageKind kind, PosTransaction transaction) {
        return gateway.submit(transaction).verdictWithin(answerTimeout).thenApply(verdict -> {
            if (verdict instanceof Submitted.Answered answered) {
                return responses.answer(request, answered.outcome());
            }
            if (verdict instanceof Submitted.NotStored notStored) {
                log.warn("ISO 8583 listener {}: transaction {} {}: {}", listener, transaction.key(), notStored.code(), notStored.reason());
                return responses.refusal(request, notStored.certain() ? ResponseCode.ISSUER_UNAVAILABLE : ResponseCode.SYSTEM_ERROR);
            }
            // The timeout's answer is built only when the timeout fires: building it for every message showed in the profile.
            return UnansweredInTime.answer(request, kind, transaction.type(), responses);
        });
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

    private static CompletableFuture<Iso8583Message> settled(Iso8583Message answer) {
        return CompletableFuture.completedFuture(answer);
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
