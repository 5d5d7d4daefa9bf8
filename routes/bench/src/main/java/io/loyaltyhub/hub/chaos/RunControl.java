package io.loyaltyhub.hub.chaos;

import java.time.Duration;

/**
 * What every till of a run shares: how long to wait for an answer, how long to think between transactions, and
 * the two ends of the load: no new transactions (the tills finish the one in hand), then a deadline after which
 * even that one is given up (it then counts as never answered).
 */
final class RunControl {
    private final Duration answerTimeout;
    private final Duration thinkTime;
    private volatile boolean stopNewSwipes;
    private volatile long giveUpAtNanos = Long.MAX_VALUE;

    RunControl(Duration answerTimeout, Duration thinkTime) {
        this.answerTimeout = answerTimeout;
        this.thinkTime = thinkTime;
    }

    Duration answerTimeout() {
        return answerTimeout;
    }

    Duration thinkTime() {
        return thinkTime;
    }

    boolean takingNewSwipes() {
        return !stopNewSwipes;
    }

    /** No new transactions; the ones in hand are resent until answered or until {@code within} has passed. */
    void stopNewSwipes(Duration within) {
        giveUpAtNanos = System.nanoTime() + within.toNanos();
        stopNewSwipes = true;
    }

    /** A new deadline for the resends of the end of the run. */
    void resendUntil(Duration within) {
        giveUpAtNanos = System.nanoTime() + within.toNanos();
    }

    boolean givenUp() {
        return System.nanoTime() > giveUpAtNanos;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
