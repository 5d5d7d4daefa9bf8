package io.loyaltyhub.domain.txn;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A transaction handed to the crediting path. {@code stored} completes once the transaction is durably queued (or
 * fails with a {@link NotStoredException}); {@code answer} completes with the engine's outcome. A channel never
 * reads the two itself: {@link #verdictWithin} says what it may truthfully tell the terminal after waiting.
 */
public record Submitted(CompletableFuture<Void> stored, CompletableFuture<TransactionOutcome> answer) {

    /** What a terminal may be told. */
    public sealed interface Verdict {
    }

    /** The engine's answer. */
    public record Answered(TransactionOutcome outcome) implements Verdict {
    }

    /** Stored (the queue confirmed it), not yet credited: it will be. */
    public record Pending() implements Verdict {
    }

    /** Not stored, or not known to be: the terminal sends it again. */
    public record NotStored(String code, String reason, boolean certain) implements Verdict {
    }

    private static final Pending PENDING = new Pending();
    /** How long past the reply timeout a channel waits for the queue's confirmation before saying "not confirmed". */
    public static final Duration CONFIRMATION_GRACE = Duration.ofSeconds(5);

    /** A transaction answered without reaching the queue (a copy answered from memory). */
    public static Submitted answered(TransactionOutcome outcome) {
        return new Submitted(CompletableFuture.completedFuture(null), CompletableFuture.completedFuture(outcome));
    }

    /** A transaction refused before it reached the queue. */
    public static Submitted refused(NotStoredException why) {
        return new Submitted(CompletableFuture.failedFuture(why), CompletableFuture.failedFuture(why));
    }

    /**
     * Completes with the answer if it comes within {@code timeout}; otherwise "pending" only if the queue has
     * confirmed the transaction is stored (waiting up to {@link #CONFIRMATION_GRACE} more for a confirmation on its
     * way), and "not stored" (certainly, or not confirmed) if not. Holds no thread.
     */
    public CompletableFuture<Verdict> verdictWithin(Duration timeout) {
        return verdictWithin(timeout, CONFIRMATION_GRACE);
    }

    /** {@link #verdictWithin(Duration)} with another grace for the queue's confirmation. */
    public CompletableFuture<Verdict> verdictWithin(Duration timeout, Duration confirmationGrace) {
        CompletableFuture<Verdict> verdict = new CompletableFuture<>();
        answer.whenComplete((outcome, failure) -> {
            if (failure == null) {
                verdict.complete(new Answered(outcome));
            }
        });
        stored.whenComplete((ignored, failure) -> {
            if (failure != null) {
                verdict.complete(notStored(failure));
            }
        });
        CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
            if (stored.isDone()) {
                verdict.complete(now());
            } else {
                // Not answered, and the queue's confirmation is still on its way (it usually comes within
                // milliseconds): wait for it a little longer rather than call a swipe that is being stored "not confirmed".
                stored.copy().orTimeout(confirmationGrace.toNanos(), TimeUnit.NANOSECONDS)
                        .whenComplete((ignored, failure) -> verdict.complete(now()));
            }
        });
        return verdict;
    }

    /** What may be said at this moment, without waiting (batch channels at their deadline). */
    public Verdict now() {
        if (answer.isDone() && !answer.isCompletedExceptionally()) {
            return new Answered(answer.join());
        }
        if (stored.isDone()) {
            return stored.isCompletedExceptionally() ? notStored(failureOf(stored)) : PENDING;
        }
        return new NotStored("not-confirmed", "the queue has not confirmed the transaction in time; send it again", false);
    }

    private static NotStored notStored(Throwable failure) {
        NotStoredException why = NotStoredException.in(failure);
        return why == null
                ? new NotStored("not-confirmed", "the transaction may not be stored; send it again", false)
                : new NotStored(why.code(), why.getMessage(), why.certain());
    }

    private static Throwable failureOf(CompletableFuture<?> failed) {
        try {
            failed.join();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
