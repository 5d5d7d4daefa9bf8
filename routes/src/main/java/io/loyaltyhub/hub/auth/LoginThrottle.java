package io.loyaltyhub.hub.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.loyaltyhub.domain.time.ClockTicker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed logins slow the next attempts down, counted per credential (from whatever address) and per client address
 * (for whatever credential). Once a credential or an address has failed {@code failuresBeforeLockout} times in a row
 * it is locked out for {@link #FIRST_LOCKOUT}, and every further failure doubles that, up to {@code maxLockout}.
 * While locked out, attempts are refused (over HTTP: {@code LoginLockout}, 429 {@code too-many-failed-logins} with
 * {@code Retry-After}; over the broker: as a wrong login) without their secret being looked at (so a lockout costs no hashing and tells nothing). A success ends the count of its
 * credential and of its address, so tills that log in fine keep a shared address (a store behind one router) open
 * even while one misconfigured till fails. A count is forgotten twice {@code maxLockout} (and a second) after its last failure, on the given clock.
 * Failures against unknown credential ids count like wrong secrets. Memory is bounded ({@link #MAX_TRACKED} keys).
 */
public final class LoginThrottle {
    public static final Duration FIRST_LOCKOUT = Duration.ofSeconds(1);
    static final int MAX_TRACKED = 100_000;

    private record Failures(int inARow, Instant lockedUntil) {
    }

    private final int credentialFailures;
    private final int addressFailures;
    private final Duration maxLockout;
    private final Clock clock;
    private final Cache<String, Failures> failures;

    /**
     * @param credentialFailuresBeforeLockout failures in a row that lock a credential out (0: never)
     * @param addressFailuresBeforeLockout    failures in a row that lock an address out (0: never, e.g. behind a proxy)
     */
    public LoginThrottle(int credentialFailuresBeforeLockout, int addressFailuresBeforeLockout, Duration maxLockout,
                         Clock clock) {
        this.credentialFailures = credentialFailuresBeforeLockout;
        this.addressFailures = addressFailuresBeforeLockout;
        this.maxLockout = maxLockout;
        this.clock = clock;
        this.failures = Caffeine.newBuilder().ticker(ClockTicker.of(clock)).maximumSize(MAX_TRACKED)
                .expireAfterWrite(maxLockout.multipliedBy(2).plus(FIRST_LOCKOUT)).build();
    }

    /** How long the credential or the address (whichever longer) is still locked out; zero when neither is. */
    public Duration lockedOutFor(String credential, String address) {
        Instant now = clock.instant();
        return longer(remaining(credentialKey(credential), now), remaining(addressKey(address), now));
    }

    public void failed(String credential, String address) {
        count(credentialKey(credential), credentialFailures);
        count(addressKey(address), addressFailures);
    }

    public void succeeded(String credential, String address) {
        failures.invalidate(credentialKey(credential));
        failures.invalidate(addressKey(address));
    }

    private void count(String key, int threshold) {
        if (threshold <= 0) {
            return;
        }
        Instant now = clock.instant();
        failures.asMap().compute(key, (k, earlier) -> {
            int inARow = earlier == null ? 1 : earlier.inARow() + 1;
            Instant lockedUntil = inARow < threshold ? null : now.plus(lockout(inARow - threshold));
            return new Failures(inARow, lockedUntil);
        });
    }

    /** 1 s for the failure that reaches the threshold, doubling with each one after it, capped. */
    private Duration lockout(int beyondThreshold) {
        Duration lockout = FIRST_LOCKOUT.multipliedBy(1L << Math.min(beyondThreshold, 30));
        return lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout;
    }

    private Duration remaining(String key, Instant now) {
        Failures f = failures.getIfPresent(key);
        if (f == null || f.lockedUntil() == null || !now.isBefore(f.lockedUntil())) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil());
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String credentialKey(String credential) {
        return "credential " + credential;
    }

    private static String addressKey(String address) {
        return "address " + address;
    }
}
