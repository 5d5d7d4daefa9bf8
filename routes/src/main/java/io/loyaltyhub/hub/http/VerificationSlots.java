package io.loyaltyhub.hub.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds how many slow password-hash verifications (Argon2id: ~50 ms of CPU and 19 MiB each) run at once, so that
 * logins — anonymous ones included — can take at most that many cores from the tills. A login that finds every slot
 * taken waits up to {@code maxWait}, in arrival order, then is refused with 503 {@code too-many-logins} and
 * {@code Retry-After: 1}.
 */
public final class VerificationSlots {
    private final Semaphore slots;
    private final Duration maxWait;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    public VerificationSlots(int slots, Duration maxWait) {
        if (slots < 1) {
            throw new IllegalArgumentException("at least one verification slot is needed");
        }
        this.slots = new Semaphore(slots, true);
        this.maxWait = maxWait;
    }

    public <T> T verify(Supplier<T> verification) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new HttpProblem(503, "too-many-logins", "too many logins are being checked at once; try again shortly",
                    Map.of("Retry-After", "1"));
        }
        try {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return verification.get();
        } finally {
            inFlight.decrementAndGet();
            slots.release();
        }
    }

    /** The most verifications that ever ran at once (for tests and the benchmark). */
    public int peakInFlight() {
        return peak.get();
    }
}
