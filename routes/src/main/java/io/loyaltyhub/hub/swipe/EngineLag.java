package io.loyaltyhub.hub.swipe;

import java.time.Duration;

/**
 * How far the engine is behind: the age of the oldest swipe in the batch it applied last, or, while it cannot
 * apply anything (an outage), how long it has been stuck. Written by the engine's workers, read by the gateway (to
 * refuse new swipes early instead of letting their wait grow without bound) and by readiness.
 */
public final class EngineLag {
    private volatile long lastQueueWaitMillis;
    private volatile long stuckSinceNanos; // 0 = not stuck

    void batchApplied(long oldestSentAtMillis, long nowMillis) {
        stuckSinceNanos = 0;
        lastQueueWaitMillis = oldestSentAtMillis <= 0 ? 0 : Math.max(0, nowMillis - oldestSentAtMillis);
    }

    void idle() {
        stuckSinceNanos = 0;
        lastQueueWaitMillis = 0;
    }

    void stuck() {
        if (stuckSinceNanos == 0) {
            stuckSinceNanos = System.nanoTime();
        }
    }

    /** The engine's current delay behind the queue. */
    public Duration behind() {
        return Duration.ofMillis(behindMillis());
    }

    /** {@link #behind()} in milliseconds, without an object (read on every swipe). */
    public long behindMillis() {
        long stuck = stuckSinceNanos;
        long stuckMillis = stuck == 0 ? 0 : (System.nanoTime() - stuck) / 1_000_000;
        return lastQueueWaitMillis + stuckMillis;
    }
}
