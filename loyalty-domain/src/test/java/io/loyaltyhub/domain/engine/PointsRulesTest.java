package io.loyaltyhub.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionType;
import org.junit.jupiter.api.Test;

class PointsRulesTest {

    private static StoredPurchase sale(long amount, long points) {
        return new StoredPurchase(1, 1, "S", TransactionType.SALE, ResultCode.APPROVED, 8L, 9L, amount, "EUR", points,
                points, "1234", null, null, 0, 0, false);
    }

    @Test
    void aSaleEarnsTheFloorOfAmountTimesRate() {
        assertThat(PointsRules.creditSale(new EarnRate(1, 100), 199).points()).isEqualTo(1);
        assertThat(PointsRules.creditSale(new EarnRate(3, 200), 1_000_000).points()).isEqualTo(15_000);
        assertThat(PointsRules.creditSale(null, 100).result()).isEqualTo(ResultCode.CURRENCY_NOT_ACCEPTED);
    }

    @Test
    void aRefundNeverReversesMoreThanTheSaleEarned() {
        StoredPurchase s = sale(300, 10);
        Decision first = PointsRules.reverseRefund(s, 100, "EUR");
        s.refund(100, -first.points());
        Decision second = PointsRules.reverseRefund(s, 200, "EUR");

        assertThat(first.points()).isEqualTo(-3);
        assertThat(second.points()).isEqualTo(-7);
        assertThat(PointsRules.reverseRefund(sale(300, 10), 301, "EUR").result())
                .isEqualTo(ResultCode.REFUND_EXCEEDS_ORIGINAL);
        assertThat(PointsRules.reverseRefund(sale(300, 10), 100, "USD").result())
                .isEqualTo(ResultCode.CURRENCY_NOT_ACCEPTED);
    }

    @Test
    void anUnlinkedRefundIsApprovedAndMovesNoPoints() {
        Decision refund = PointsRules.unlinkedRefund(new EarnRate(1, 100));

        assertThat(refund.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(refund.points()).isZero();
        assertThat(PointsRules.unlinkedRefund(null).result()).isEqualTo(ResultCode.CURRENCY_NOT_ACCEPTED);
    }

    @Test
    void aRefundOfASaleWithAnExtremeRateIsComputedWithoutOverflow() {
        StoredPurchase s = sale(1_000_000_000L, 1_000_000_000_000_000L); // 1e6 points per minor unit

        Decision refund = PointsRules.reverseRefund(s, 999_999_999L, "EUR");

        assertThat(refund.points()).isEqualTo(-999_999_999_000_000L);
    }

    @Test
    void aRedemptionIsDeclinedWhileTheBalanceIsNegative() {
        assertThat(PointsRules.redeem(1, -50).result()).isEqualTo(ResultCode.INSUFFICIENT_POINTS);
    }

    @Test
    void undoReversesWhatIsOutstandingAndRefusesASecondUndo() {
        StoredPurchase s = sale(1000, 10);
        s.refund(400, 4);
        assertThat(PointsRules.undo(s).points()).isEqualTo(-6);
        s.undo();
        assertThat(s.pointsOutstanding()).isZero();
        assertThat(PointsRules.undo(s).result()).isEqualTo(ResultCode.ALREADY_REVERSED);
        assertThat(PointsRules.reverseRefund(s, 100, "EUR").result()).isEqualTo(ResultCode.ALREADY_REVERSED);
        assertThat(PointsRules.undo(null).result()).isEqualTo(ResultCode.ORIGINAL_NOT_FOUND);
    }

    @Test
    void aVoidedRefundGivesItsSaleBackTheAmountAndThePoints() {
        StoredPurchase sale = sale(1000, 10);
        StoredPurchase refund = new StoredPurchase(2, 1, "r", TransactionType.REFUND, ResultCode.APPROVED, 1L, 1L, 400, "EUR",
                -4, 6, "1234", 1L, null, 0, 0, false);
        sale.refund(400, 4);

        sale.giveBackRefund(refund);

        assertThat(sale.amountRefunded()).isZero();
        assertThat(sale.pointsOutstanding()).isEqualTo(10);
        assertThat(sale.hasChanged()).isTrue();
    }

    @Test
    void aRedemptionNeedsEnoughPoints() {
        assertThat(PointsRules.redeem(50, 49).result()).isEqualTo(ResultCode.INSUFFICIENT_POINTS);
        assertThat(PointsRules.redeem(50, 50).points()).isEqualTo(-50);
    }
}
