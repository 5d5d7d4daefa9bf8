package io.loyaltyhub.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyaltyhub.domain.testing.MovableClock;
import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.http.LoginLockout;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The back-off of docs/security.md: 5 failures lock a credential for 1 s, each further one doubles it, capped. */
class LoginThrottleTest {
    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(5, 20, Duration.ofSeconds(300), clock);

    private void fail(String credential, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(credential, address);
        }
    }

    private long retryAfter(String credential, String address) {
        HttpProblem refused = catchThrowableOfType(HttpProblem.class, () -> LoginLockout.refuseIfLockedOut(throttle, credential, address));
        assertThat(refused).as("locked out").isNotNull();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("too-many-failed-logins");
        return Long.parseLong(refused.headers().get("Retry-After"));
    }

    @Test
    void fourFailuresLockNothingAndTheFifthLocksTheCredentialForOneSecondFromAnyAddress() {
        fail("terminal:t1", "10.0.0.1", 4);
        assertThatCode(() -> LoginLockout.refuseIfLockedOut(throttle, "terminal:t1", "10.0.0.1")).doesNotThrowAnyException();

        fail("terminal:t1", "10.0.0.1", 1);

        assertThat(retryAfter("terminal:t1", "10.0.0.2")).isEqualTo(1);
        assertThatCode(() -> LoginLockout.refuseIfLockedOut(throttle, "terminal:t2", "10.0.0.2")).doesNotThrowAnyException();
        clock.advance(Duration.ofMillis(1_001));
        assertThatCode(() -> LoginLockout.refuseIfLockedOut(throttle, "terminal:t1", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void eachFurtherFailureDoublesTheLockoutUpToTheMaximum() {
        fail("merchant:m1", "10.0.0.1", 5);
        fail("merchant:m1", "10.0.0.1", 1);
        assertThat(retryAfter("merchant:m1", "10.0.0.9")).isEqualTo(2);
        fail("merchant:m1", "10.0.0.1", 1);
        assertThat(retryAfter("merchant:m1", "10.0.0.9")).isEqualTo(4);
        fail("merchant:m1", "10.0.0.1", 20);
        assertThat(retryAfter("merchant:m1", "10.0.0.9")).isEqualTo(300);
    }

    @Test
    void anAddressTryingManyCredentialsIsLockedOutForAllOfThem() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("terminal:guess-" + i, "10.6.6.6");
        }

        assertThat(retryAfter("terminal:another", "10.6.6.6")).isEqualTo(1);
        assertThatCode(() -> LoginLockout.refuseIfLockedOut(throttle, "terminal:another", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessEndsTheCountOfItsCredentialAndItsAddress() {
        fail("terminal:t1", "10.0.0.1", 4);
        for (int i = 0; i < 19; i++) {
            throttle.failed("terminal:other-" + i, "10.0.0.1");
        }
        throttle.succeeded("terminal:t1", "10.0.0.1");
        fail("terminal:t1", "10.0.0.1", 4);

        assertThatCode(() -> LoginLockout.refuseIfLockedOut(throttle, "terminal:t1", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void aCountIsForgottenTwiceTheLongestLockoutAfterItsLastFailure() {
        fail("terminal:t1", "10.0.0.1", 4);
        clock.advance(Duration.ofSeconds(600));
        fail("terminal:t1", "10.0.0.1", 1);
        assertThat(retryAfter("terminal:t1", "10.0.0.1")).as("still counted: the fifth failure in a row").isEqualTo(1);

        fail("terminal:t2", "10.0.0.2", 4);
        clock.advance(Duration.ofSeconds(601).plusMillis(1));
        fail("terminal:t2", "10.0.0.2", 1);
        assertThatCode(() -> LoginLockout.refuseIfLockedOut(throttle, "terminal:t2", "10.0.0.2")).as("the count began again").doesNotThrowAnyException();
    }

    @Test
    void aThresholdOfZeroTurnsAnAddressLockoutOff() {
        LoginThrottle behindAProxy = new LoginThrottle(5, 0, Duration.ofSeconds(300), clock);
        for (int i = 0; i < 100; i++) {
            behindAProxy.failed("terminal:guess-" + i, "10.0.0.1");
        }

        assertThatCode(() -> LoginLockout.refuseIfLockedOut(behindAProxy, "terminal:t1", "10.0.0.1")).doesNotThrowAnyException();
    }
}
