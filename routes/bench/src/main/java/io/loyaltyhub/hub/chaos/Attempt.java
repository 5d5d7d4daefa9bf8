package io.loyaltyhub.hub.chaos;

import java.time.Duration;

/** One send of a transaction, as the till sees it: an answer that settles it, or a reason to send it again. */
sealed interface Attempt {

    record Answered(Answer answer) implements Attempt {
    }

    /**
     * No final answer: no answer in time, no connection, or an answer asking for the same transaction again.
     *
     * @param notStored  the hub said it had not stored the transaction (HTTP 503, a broker "not-accepted")
     * @param retryAfter how long the hub asked the till to wait, or null
     */
    record Retry(String reason, boolean notStored, Duration retryAfter) implements Attempt {
    }

    static Attempt answered(Answer answer) {
        return new Answered(answer);
    }

    static Attempt retry(String reason) {
        return new Retry(reason, false, null);
    }
}
