package io.loyaltyhub.hub.http;

import io.loyaltyhub.hub.auth.LoginThrottle;
import java.time.Duration;
import java.util.Map;

/** The HTTP answer to a login while its credential or address is locked out: 429 with {@code Retry-After}. */
public final class LoginLockout {
    private LoginLockout() {
    }

    /**
     * @param credential the kind and id of the credential presented, e.g. {@code terminal:term-1a2b…}
     * @throws HttpProblem 429 {@code too-many-failed-logins} while the credential or the address is locked out
     */
    public static void refuseIfLockedOut(LoginThrottle throttle, String credential, String address) {
        Duration wait = throttle.lockedOutFor(credential, address);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new HttpProblem(429, "too-many-failed-logins", "too many failed logins with this credential or from "
                    + "this address; try again in " + seconds + " s", Map.of("Retry-After", Long.toString(seconds)));
        }
    }
}
