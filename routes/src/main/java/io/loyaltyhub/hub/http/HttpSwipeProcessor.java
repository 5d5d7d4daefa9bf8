package io.loyaltyhub.hub.http;

import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.adapters.json.JsonSwipeCodec;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.hub.swipe.SwipeGateway;
import io.loyaltyhub.hub.swipe.SwipeNotAcceptedException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
        CompletableFuture<TransactionOutcome> answer;
        try {
            Message in = exchange.getMessage();
            TerminalIdentity terminal = authenticator.authenticate(in);
            byte[] body = body(in);
            signatures.check(terminal, "POST", PATH, name -> in.getHeader(name, String.class), body);
            txn = codec.decode(body, terminal);
            answer = gateway.submit(txn);
        } catch (HttpProblem p) {
            ProblemResponses.answer(exchange, p);
            callback.done(true);
            return true;
        } catch (InputRejected r) {
            ProblemResponses.answer(exchange, status(r), r.code(), r.getMessage());
            callback.done(true);
            return true;
        } catch (SwipeNotAcceptedException e) {
            log.error("swipe not accepted: {}", e.getMessage());
            ProblemResponses.answer(exchange, 503, "not-accepted", "the transaction could not be stored; send it again");
            callback.done(true);
            return true;
        }
        answer.copy().completeOnTimeout(null, replyTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((outcome, failure) -> {
                    reply(exchange, txn, outcome, failure);
                    callback.done(false);
                });
        return false;
    }

    private void reply(Exchange exchange, PosTransaction txn, TransactionOutcome outcome, Throwable failure) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        if (SwipeNotAcceptedException.isCauseOf(failure)) {
            log.error("swipe not accepted: {}", failure.getMessage());
            ProblemResponses.answer(exchange, 503, "not-accepted", "the transaction could not be stored; send it again");
            return;
        }
        if (failure != null) {
            log.error("transaction {} has no answer: {}", txn.key(), failure.getMessage());
            ProblemResponses.answer(exchange, 500, "internal-error", "the transaction is stored but its answer was lost; query it again");
            return;
        }
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (outcome == null) {
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
            out.setBody(ResponseBodies.whole(codec.encodePending(txn)));
        } else {
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            out.setBody(ResponseBodies.whole(codec.encodeOutcome(txn, outcome)));
        }
    }

    /** Read only now that the terminal is authenticated, and never beyond the limit (see {@link RequestBodies}). */
    private byte[] body(Message in) {
        MediaTypes.require(in, MediaTypes.JSON, "send the transaction as application/json");
        return bodies.read(in);
    }

    private static int status(InputRejected r) {
        return r.code().startsWith("malformed") || r.code().startsWith("missing") || r.code().startsWith("unknown-field")
                ? 400 : 422;
    }
}
