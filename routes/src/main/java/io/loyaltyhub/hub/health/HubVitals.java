package io.loyaltyhub.hub.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the operator console shows of this node's health and throughput: the readiness checks behind
 * {@code /health/ready} and the counts behind {@code /metrics} (the same meters, read here rather than scraped).
 */
public final class HubVitals {
    /** This node's counts since it started, and how long ago that was. */
    public record Throughput(Duration uptime, long swipesSent, long transactionsApplied, long batchesCommitted,
                             long refusedOverloaded, long engineLagMillis) {
        /** Transactions applied per second, averaged since start (0 in the first second). */
        public long appliedPerSecond() {
            long seconds = uptime.toSeconds();
            return seconds == 0 ? 0 : transactionsApplied / seconds;
        }
    }

    private final Readiness readiness;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Instant started;

    public HubVitals(Readiness readiness, MeterRegistry meters, Clock clock) {
        this.readiness = readiness;
        this.meters = meters;
        this.clock = clock;
        this.started = clock.instant();
    }

    public List<Readiness.Result> health() {
        return readiness.evaluate();
    }

    public Throughput throughput() {
        TimeGauge lag = meters.find("hub.engine.lag").timeGauge();
        return new Throughput(Duration.between(started, clock.instant()), count("hub.swipe.transactions.sent"),
                count("hub.engine.transactions.applied"), count("hub.engine.batches.committed"),
                count("hub.swipe.refused.overloaded"), lag == null ? 0 : (long) lag.value(TimeUnit.MILLISECONDS));
    }

    private long count(String name) {
        Counter counter = meters.find(name).counter();
        return counter == null ? 0 : (long) counter.count();
    }
}
