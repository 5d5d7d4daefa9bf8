package io.loyaltyhub.hub.intake;

import io.loyaltyhub.domain.txn.Submitted;
import java.time.Duration;

/**
 * An online channel's step after the intake: waits up to the channel's reply timeout for what the terminal may be
 * told (the engine's answer; "pending" once the queue confirmed the transaction is stored; or "not stored, send it
 * again"). Asynchronous: a waiting terminal holds no thread. The body becomes the {@link Submitted.Verdict}.
 */
public final class AwaitVerdict extends AwaitAnswer {

    public AwaitVerdict(Duration replyTimeout) {
        super(exchange -> exchange.getMessage().getMandatoryBody(Submitted.class).verdictWithin(replyTimeout));
    }
}
