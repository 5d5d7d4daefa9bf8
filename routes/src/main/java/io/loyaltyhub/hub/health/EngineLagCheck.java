package io.loyaltyhub.hub.health;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Is the engine keeping up? Fails when the oldest swipe waiting on the queue has waited longer than
 * {@code hub.health.max-engine-lag-seconds}. While the queue cannot be read, the broker check fails and this one has
 * nothing new to say: it judges only measurements younger than {@code staleAfter}.
 */
final class EngineLagCheck implements ReadinessCheck {
    private final SwipeQueueProbe queue;
    private final Duration maxLag;
    private final Duration staleAfter;
    private final Clock clock;

    EngineLagCheck(SwipeQueueProbe queue, Duration maxLag, Duration staleAfter, Clock clock) {
        this.queue = queue;
        this.maxLag = maxLag;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "engine";
    }

    @Override
    public Optional<String> problem() {
        SwipeQueueProbe.Measured measured = queue.lastMeasured();
        if (measured == null || Duration.between(measured.at(), clock.instant()).compareTo(staleAfter) > 0) {
            return Optional.empty();
        }
        if (measured.oldestWaiting().compareTo(maxLag) > 0) {
            return Optional.of("the oldest swipe has waited " + measured.oldestWaiting().toSeconds() + " s for the engine "
                    + "(more than " + maxLag.toSeconds() + " s)");
        }
        return Optional.empty();
    }
}
