package io.loyaltyhub.domain.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SubmittedTest {
    private static final TransactionOutcome APPROVED = new TransactionOutcome(ResultCode.APPROVED, 12, 112, "1238", false);
    private static final Duration SHORT = Duration.ofMillis(50);

    private static Submitted.Verdict verdict(Submitted s, Duration grace) throws Exception {
        return s.verdictWithin(SHORT, grace).get(10, TimeUnit.SECONDS);
    }

    @Test
    void anAnswerWithinTheTimeoutIsTheVerdict() throws Exception {
        Submitted s = new Submitted(CompletableFuture.completedFuture(null), CompletableFuture.completedFuture(APPROVED));

        assertThat(verdict(s, SHORT)).isEqualTo(new Submitted.Answered(APPROVED));
    }

    @Test
    void aStoredSwipeWithoutAnAnswerIsPending() throws Exception {
        Submitted s = new Submitted(CompletableFuture.completedFuture(null), new CompletableFuture<>());

        assertThat(verdict(s, SHORT)).isInstanceOf(Submitted.Pending.class);
    }

    @Test
    void aSwipeWhoseStorageIsNeverConfirmedIsNeverCalledPending() throws Exception {
        Submitted s = new Submitted(new CompletableFuture<>(), new CompletableFuture<>());

        assertThat(verdict(s, SHORT)).isEqualTo(new Submitted.NotStored("not-confirmed",
                "the queue has not confirmed the transaction in time; send it again", false));
    }

    @Test
    void aConfirmationArrivingJustAfterTheTimeoutStillMakesItPending() throws Exception {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        Submitted s = new Submitted(stored, new CompletableFuture<>());
        CompletableFuture<Submitted.Verdict> verdict = s.verdictWithin(SHORT, Duration.ofSeconds(5));
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(() -> stored.complete(null));

        assertThat(verdict.get(10, TimeUnit.SECONDS)).isInstanceOf(Submitted.Pending.class);
    }

    @Test
    void aRefusalIsNotStoredWithItsCodeAndCertainty() throws Exception {
        Submitted overloaded = Submitted.refused(new NotStoredException("overloaded", true, "over capacity", null));
        CompletableFuture<Void> failing = new CompletableFuture<>();
        Submitted unconfirmed = new Submitted(failing, new CompletableFuture<>());
        failing.completeExceptionally(new NotStoredException("not-confirmed", false, "no confirmation", new RuntimeException()));

        assertThat(verdict(overloaded, SHORT)).isEqualTo(new Submitted.NotStored("overloaded", "over capacity", true));
        assertThat(verdict(unconfirmed, SHORT)).isEqualTo(new Submitted.NotStored("not-confirmed", "no confirmation", false));
    }
}
