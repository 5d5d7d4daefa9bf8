package io.loyaltyhub.hub.http;

import io.loyaltyhub.domain.terminal.UsedRequestNonces;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired request nonces from the shared store at a fixed interval. Every node sweeps; the statements do
 * not conflict in a way that matters (a row deleted by one node is simply not there for the other). A sweep that
 * fails (database outage) is logged and tried again at the next interval; until then expired rows only take space.
 */
public final class ExpiredNonceSweeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExpiredNonceSweeper.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hub-nonce-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    private ExpiredNonceSweeper() {
    }

    public static ExpiredNonceSweeper start(UsedRequestNonces nonces, Clock clock, Duration interval) {
        ExpiredNonceSweeper sweeper = new ExpiredNonceSweeper();
        sweeper.timer.scheduleWithFixedDelay(() -> {
            try {
                int deleted = nonces.forgetExpired(clock.instant());
                log.debug("deleted {} expired request nonces", deleted);
            } catch (RuntimeException e) {
                log.warn("could not delete expired request nonces (tried again in {} s): {}", interval.toSeconds(), e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return sweeper;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
