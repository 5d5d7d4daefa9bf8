package io.loyaltyhub.hub.chaos;

import java.time.Duration;

/**
 * How long a till waits before sending the same transaction again: what the hub asked for (Retry-After, at most
 * ten seconds), else 200 ms doubling up to two seconds — a till keeps trying, without hammering a hub that is down.
 */
final class ResendBackoff {
    private static final Duration FIRST = Duration.ofMillis(200);
    private static final Duration LONGEST = Duration.ofSeconds(2);
    private static final Duration LONGEST_ASKED = Duration.ofSeconds(10);
    private Duration next = FIRST;

    Duration after(Attempt.Retry retry) {
        if (retry.retryAfter() != null) {
            return retry.retryAfter().compareTo(LONGEST_ASKED) > 0 ? LONGEST_ASKED : retry.retryAfter();
        }
        Duration wait = next;
        next = next.multipliedBy(2).compareTo(LONGEST) > 0 ? LONGEST : next.multipliedBy(2);
        return wait;
    }
}
