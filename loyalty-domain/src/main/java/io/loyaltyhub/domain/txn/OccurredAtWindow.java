package io.loyaltyhub.domain.txn;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The times a transaction may say it happened at, relative to the hub's clock: at most {@code futureTolerance}
 * ahead (tills' clocks drift) and at most {@code maxAge} back (end-of-day files and store-and-forward advices
 * come late, but a sale of the year 0001 or 9999 is a broken till, and would land outside every report). The
 * engine refuses a transaction outside the window ({@link ResultCode#OCCURRED_AT_OUT_OF_RANGE}) on every channel.
 */
public record OccurredAtWindow(Duration futureTolerance, Duration maxAge) {
    /** One hour ahead, 90 days back: the hub's defaults ({@code hub.engine.future-tolerance-minutes}, {@code hub.engine.max-age-days}). */
    public static final OccurredAtWindow DEFAULT = new OccurredAtWindow(Duration.ofHours(1), Duration.ofDays(90));

    public OccurredAtWindow {
        if (futureTolerance == null || futureTolerance.isNegative()) {
            throw new IllegalArgumentException("the future tolerance must be zero or more");
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the maximum age must be more than zero");
        }
    }

    public static OccurredAtWindow of(long futureToleranceMinutes, long maxAgeDays) {
        return new OccurredAtWindow(Duration.ofMinutes(futureToleranceMinutes), Duration.ofDays(maxAgeDays));
    }

    public boolean accepts(OffsetDateTime occurredAt, Instant now) {
        Instant at = occurredAt.toInstant();
        return !at.isAfter(now.plus(futureTolerance)) && !at.isBefore(now.minus(maxAge));
    }
}
