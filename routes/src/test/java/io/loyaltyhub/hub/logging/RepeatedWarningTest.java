package io.loyaltyhub.hub.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.testing.SlowTier;
import io.loyaltyhub.hub.CapturedLogs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.slf4j.LoggerFactory;

/**
 * Thirty thousand refusals under overload used to be thirty thousand log lines: now the first of a kind is logged, the
 * rest within the interval counted, and the next line says how many were left out.
 */
@ResourceLock(SlowTier.CAPTURED_LOGS)
class RepeatedWarningTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theFirstOfAKindIsLoggedTheRestCountedAndTheCountReportedWithTheNextLine() {
        HandClock clock = new HandClock();
        RepeatedWarning warnings = new RepeatedWarning(LoggerFactory.getLogger(RepeatedWarningTest.class),
                Duration.ofSeconds(10), clock);
        try (CapturedLogs logs = new CapturedLogs()) {
            assertThat(warnings.warn("overloaded", "transaction {} overloaded", "t-1")).isTrue();
            for (int i = 2; i <= 1_000; i++) {
                assertThat(warnings.warn("overloaded", "transaction {} overloaded", "t-" + i)).isFalse();
            }
            assertThat(warnings.warn("broker-down", "transaction {} broker-down", "t-x")).as("another kind").isTrue();
            clock.advance(Duration.ofSeconds(10));
            assertThat(warnings.warn("overloaded", "transaction {} overloaded", "t-1001")).isTrue();
            assertThat(warnings.warn("overloaded", "transaction {} overloaded", "t-1002")).isFalse();

            assertThat(logs.linesOf(RepeatedWarningTest.class)).containsExactly("transaction t-1 overloaded", "transaction t-x broker-down",
                            "transaction t-1001 overloaded (999 more like it since the last such line, not logged one by one)");
        }
    }
}
