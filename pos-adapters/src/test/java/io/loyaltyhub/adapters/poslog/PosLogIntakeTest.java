package io.loyaltyhub.adapters.poslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.Submitted;
import io.loyaltyhub.domain.txn.NotStoredException;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PosLogIntakeTest {

    private static final MerchantId MERCHANT = new MerchantId(7);

    private final TestTerminalDirectory terminals = new TestTerminalDirectory();
    private final List<PosTransaction> submitted = new ArrayList<>();

    @Test
    void answersEveryTransactionOfTheDocumentInOrder() {
        terminals.add(MERCHANT, "S001", "T01");
        terminals.add(MERCHANT, "S001", "T02");

        List<PosLogTransactionResult> results = intake().submit(MERCHANT,
                PosLogFixtures.open("arts6-store-day.xml"), this::approve).await(Duration.ofSeconds(5));

        assertThat(results).extracting(PosLogTransactionResult::position).containsExactly(1, 2, 3, 4, 5);
        assertThat(results).extracting(PosLogTransactionResult::status).containsExactly(
                PosLogTransactionResult.Status.APPROVED, PosLogTransactionResult.Status.SKIPPED, PosLogTransactionResult.Status.SKIPPED,
                PosLogTransactionResult.Status.APPROVED, PosLogTransactionResult.Status.SKIPPED);
        assertThat(results.get(0).points()).isEqualTo(12);
        assertThat(results.get(0).last4()).isEqualTo("7895");
        assertThat(submitted).extracting(t -> t.txnRef().value()).containsExactly("S001-T01-1001", "S001-T02-0077");
    }

    @Test
    void reportsUnansweredTransactionsAsAcceptedPending() {
        terminals.add(MERCHANT, "9", "34");

        List<PosLogTransactionResult> results = intake().submit(MERCHANT,
                PosLogFixtures.open("ncr-acs-small.xml"),
                t -> new Submitted(CompletableFuture.completedFuture(null), new CompletableFuture<>())).await(Duration.ofMillis(50));

        assertThat(results.get(1).status()).isEqualTo(PosLogTransactionResult.Status.PENDING);
        assertThat(results.get(1).code()).isEqualTo("accepted-pending");
    }

    @Test
    void neverCallsPendingWhatTheQueueDidNotConfirmAsStored() {
        terminals.add(MERCHANT, "9", "34");

        List<PosLogTransactionResult> unconfirmed = intake().submit(MERCHANT, PosLogFixtures.open("ncr-acs-small.xml"),
                t -> new Submitted(new CompletableFuture<>(), new CompletableFuture<>())).await(Duration.ofMillis(50));
        List<PosLogTransactionResult> refused = intake().submit(MERCHANT, PosLogFixtures.open("ncr-acs-small.xml"),
                t -> Submitted.refused(new NotStoredException("overloaded", true, "over capacity", null))).await(Duration.ofMillis(50));

        assertThat(unconfirmed.get(1).status()).isEqualTo(PosLogTransactionResult.Status.REJECTED);
        assertThat(unconfirmed.get(1).code()).isEqualTo("not-confirmed");
        assertThat(refused.get(1).status()).isEqualTo(PosLogTransactionResult.Status.REJECTED);
        assertThat(refused.get(1).code()).isEqualTo("overloaded");
    }

    @Test
    void submitsNothingFromADocumentThatIsRefusedHalfway() {
        terminals.add(MERCHANT, "9", "34");
        byte[] whole = PosLogFixtures.bytes("ncr-acs-small.xml");
        byte[] truncated = Arrays.copyOf(whole, whole.length - 20);

        assertThatThrownBy(() -> intake().submit(MERCHANT, new ByteArrayInputStream(truncated), this::approve))
                .isInstanceOf(PosLogDocumentException.class);
        assertThat(submitted).isEmpty();
    }

    private PosLogIntake intake() {
        return new PosLogIntake(new PosLogReader(PosLogLimits.DEFAULT), new PosLogMapper(terminals, new TestCardReader(),
                new PosLogSettings(ZoneId.of("UTC"), Currency.getInstance("EUR"))));
    }

    private Submitted approve(PosTransaction transaction) {
        submitted.add(transaction);
        return Submitted.answered(new TransactionOutcome(ResultCode.APPROVED, 12, 100, transaction.card().token().last4(), false));
    }
}
