package io.loyaltyhub.hub.http;

import io.loyaltyhub.adapters.json.JsonSwipeCodec;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.Submitted;
import io.loyaltyhub.hub.intake.IntakeExchange;
import io.loyaltyhub.hub.logging.RepeatedWarning;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON channel's last step: the verdict as an HTTP answer. Credited (or a copy of one credited): 200 with the
 * outcome; stored but not answered in time: 202 "pending"; refused by the engine: a problem (409 for a reference
 * used with other content, 422 otherwise); not stored: 503 with Retry-After, send it again.
 */
final class JsonSwipeAnswers {
    private static final Logger log = LoggerFactory.getLogger(JsonSwipeAnswers.class);
    /** Refusals that can come by the thousand under overload: one line per kind every 10 s, with the count left out. */
    private static final RepeatedWarning notStoredWarnings = new RepeatedWarning(log, java.time.Duration.ofSeconds(10),
            java.time.Clock.systemUTC());

    private final JsonSwipeCodec codec;

    JsonSwipeAnswers(JsonSwipeCodec codec) {
        this.codec = codec;
    }

    /** Decodes the authenticated terminal's body into the transaction the intake takes. */
    void decodeSwipe(Exchange exchange) {
        Message in = exchange.getMessage();
        in.setBody(codec.decode(in.getBody(byte[].class), TerminalRequest.terminal(exchange)));
    }

    void answerVerdict(Exchange exchange) {
        PosTransaction txn = IntakeExchange.transaction(exchange);
        Submitted.Verdict verdict = IntakeExchange.verdict(exchange);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        if (verdict instanceof Submitted.NotStored notStored) {
            notStoredWarnings.warn(notStored.code(), "transaction {} {}: {}", txn.key(), notStored.code(), notStored.reason());
            ProblemResponses.answer(exchange, 503, notStored.code(), notStored.reason());
            out.setHeader("Retry-After", HttpProblems.RETRY_AFTER_SECONDS);
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

    /** A reference already used with other content conflicts with the stored transaction (409); a bad time is 422. */
    static int refusalStatus(ResultCode refusal) {
        return refusal == ResultCode.REFERENCE_REUSED ? 409 : 422;
    }
}
