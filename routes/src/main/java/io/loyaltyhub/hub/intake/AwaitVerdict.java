package io.loyaltyhub.hub.intake;

import io.loyaltyhub.domain.txn.Submitted;
import java.time.Duration;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * An online channel's step after the intake: waits up to the channel's reply timeout for what the terminal may be
 * told (the engine's answer; "pending" once the queue confirmed the transaction is stored; or "not stored, send it
 * again"). Asynchronous: a waiting terminal holds no thread. The body becomes the {@link Submitted.Verdict}.
 */
public final class AwaitVerdict extends AsyncProcessorSupport {
    private final Duration replyTimeout;

    public AwaitVerdict(Duration replyTimeout) {
        this.replyTimeout = replyTimeout;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Submitted submitted;
        try {
            submitted = exchange.getMessage().getMandatoryBody(Submitted.class);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        submitted.verdictWithin(replyTimeout).whenComplete((verdict, failure) -> {
            if (failure != null) {
                exchange.setException(failure);
            } else {
                exchange.getMessage().setBody(verdict);
            }
            callback.done(false);
        });
        return false;
    }
}
