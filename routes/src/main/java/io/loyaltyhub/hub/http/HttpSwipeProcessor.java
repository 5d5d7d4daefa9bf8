package io.loyaltyhub.hub.http;

import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.adapters.json.JsonSwipeCodec;
import io.loyaltyhub.domain.terminal.TerminalDirectoryUnavailableException;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.Submitted;
import io.loyaltyhub.hub.swipe.SwipeGateway;
import java.time.Duration;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.AsyncProcessorSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /pos/v1/transactions: authenticate the terminal, check its request signature (if it signs or must),
 * decode and check the body, make it durable, and
 * answer with the engine's result — or 202 "accepted, pending" when that takes longer than the reply timeout.
 * Asynchronous, so a waiting terminal holds no thread.
 */
public final class HttpSwipeProcessor extends AsyncProcessorSupport {
    private static final Logger log = LoggerFactory.getLogger(HttpSwipeProcessor.class);

    static final String PATH = "/pos/v1/transactions";
    /** Every "not stored, send again" answer: soon, but not at once (an overloaded or recovering hub gets a breath). */
    static final String RETRY_AFTER_SECONDS = "1";

    private final TerminalAuthenticator authenticator;
    private final RequestSignatureCheck signatures;
    private final JsonSwipeCodec codec;
    private final SwipeGateway gateway;
    private final Duration replyTimeout;
    private final RequestBodies bodies;

    public HttpSwipeProcessor(TerminalAuthenticator authenticator, RequestSignatureCheck signatures, JsonSwipeCodec codec,
                              SwipeGateway gateway, Duration replyTimeout, int maxBodyBytes) {
        this.authenticator = authenticator;
        this.signatures = signatures;
        this.codec = codec;
        this.gateway = gateway;
        this.replyTimeout = replyTimeout;
        this.bodies = new RequestBodies(maxBodyBytes, "body-too-large", "the body");
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        PosTransaction txn;
        Submitted submitted;
        try {
            Message in = exchange.getMessage();
            TerminalIdentity terminal = authenticator.authenticate(in);
            byte[] body = body(in);
            signatures.check(terminal, "POST", PATH, name -> in.getHeader(name, String.class), body);
            txn = codec.decode(body, terminal);
            submitted = gateway.submit(txn);
        } catch (HttpProblem p) {
            ProblemResponses.answer(exchange, p);
            callback.done(true);
            return true;
        } catch (TerminalDirectoryUnavailableException e) {
            log.warn("terminal not authenticated: {}", e.getMessage());
            ProblemResponses.answer(exchange, 503, "database-unavailable", "the hub cannot check this terminal just now; send it again");
            exchange.getMessage().setHeader("Retry-After", RETRY_AFTER_SECONDS);
            callback.done(true);
            return true;
        } catch (InputRejected r) {
            ProblemResponses.answer(exchange, status(r), r.code(), r.getMessage());
            callback.done(true);
            return true;
        }
        submitted.verdictWithin(replyTimeout).whenComplete((verdict, failure) -> {
            try {
                reply(exchange, txn, verdict);
            } finally {
                callback.done(false);
            }
        });
        return false;
    }

    private void reply(Exchange exchange, PosTransaction txn, Submitted.Verdict verdict) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        if (verdict instanceof Submitted.NotStored notStored) {
            log.warn("transaction {} {}: {}", txn.key(), notStored.code(), notStored.reason());
            ProblemResponses.answer(exchange, 503, notStored.code(), notStored.reason());
            out.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            return;
        }
        if (verdict instanceof Submitted.Answered answered && answered.outcome().result().isRefusal()) {
            ResultCode refusal = answered.outcome().result();
            ProblemResponses.answer(exchange, refusalStatus(refusal), refusal.code(), refusal.refusalDetail());
            return;
        }
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (verdict instanceof Submitted.Answered answered) {
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            out.setBody(ResponseBodies.whole(codec.encodeOutcome(txn, answered.outcome())));
        } else {
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
            out.setBody(ResponseBodies.whole(codec.encodePending(txn)));
        }
    }

    /** Read only now that the terminal is authenticated, and never beyond the limit (see {@link RequestBodies}). */
    private byte[] body(Message in) {
        MediaTypes.require(in, MediaTypes.JSON, "send the transaction as application/json");
        return bodies.read(in);
    }

    /** A reference already used with other content conflicts with the stored transaction (409); a bad time is 422. */
    static int refusalStatus(ResultCode refusal) {
        return refusal == ResultCode.REFERENCE_REUSED ? 409 : 422;
    }

    private static int status(InputRejected r) {
        return r.code().startsWith("malformed") || r.code().startsWith("missing") || r.code().startsWith("unknown-field")
                ? 400 : 422;
    }
}
