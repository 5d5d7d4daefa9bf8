package io.loyaltyhub.domain.time;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Instant;

/**
 * Caffeine's time source read from the hub's {@link Clock}, so that cache entries age on the same clock as
 * everything else, and a test that moves its clock moves the caches' time with it (no sleeps).
 */
public final class ClockTicker implements Ticker {
    private final Clock clock;

    private ClockTicker(Clock clock) {
        this.clock = clock;
    }

    public static Ticker of(Clock clock) {
        return new ClockTicker(clock);
    }

    /** Nanoseconds since the epoch (a long holds them until the year 2262). */
    @Override
    public long read() {
        Instant now = clock.instant();
        return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    }
}
