package io.loyaltyhub.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.Points;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionType;
import org.junit.jupiter.api.Test;

class PointsRulesTest {

    private static StoredPurchase sale(long amount, long points) {
        return new StoredPurchase(1, new TerminalId(1), new TxnRef("S"), TransactionType.SALE, ResultCode.APPROVED, 8L, 9L, eur(amount),
                Points.of(points), points, "1234", null, null, Points.ZERO, eur(0), false);
    }

    private static Money eur(long minorUnits) {
        return Money.of(minorUnits, "EUR");
    }

    private static Points points(long value) {
        return Points.of(value);
    }

    @Test
    void aSaleEarnsTheFloorOfAmountTimesRate() {
        assertThat(PointsRules.creditSale(new EarnRate(1, 100), eur(199)).points()).isEqualTo(points(1));
        assertThat(PointsRules.creditSale(new EarnRate(3, 200), eur(1_000_000)).points()).isEqualTo(points(15_000));
        assertThat(PointsRules.creditSale(null, eur(100)).result()).isEqualTo(ResultCode.CURRENCY_NOT_ACCEPTED);
    }

    @Test
    void aRefundNeverReversesMoreThanTheSaleEarned() {
        StoredPurchase s = sale(300, 10);
        Decision first = PointsRules.reverseRefund(s, eur(100));
        s.refund(eur(100), first.points().negate());
        Decision second = PointsRules.reverseRefund(s, eur(200));
        s.refund(eur(200), second.points().negate());

        assertThat(first.points()).isEqualTo(points(-3));
        assertThat(second.points()).isEqualTo(points(-7));
        assertThat(s.pointsOutstanding()).isEqualTo(Points.ZERO);
        assertThat(PointsRules.reverseRefund(s, eur(1)).result()).isEqualTo(ResultCode.REFUND_EXCEEDS_ORIGINAL);
        assertThat(PointsRules.reverseRefund(sale(300, 10), eur(301)).result())
                .isEqualTo(ResultCode.REFUND_EXCEEDS_ORIGINAL);
        assertThat(PointsRules.reverseRefund(sale(300, 10), Money.of(100, "USD")).result())
                .isEqualTo(ResultCode.CURRENCY_NOT_ACCEPTED);
    }

    @Test
    void anUnlinkedRefundIsApprovedAndMovesNoPoints() {
        Decision refund = PointsRules.unlinkedRefund(new EarnRate(1, 100));

        assertThat(refund.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(refund.points()).isEqualTo(Points.ZERO);
        assertThat(PointsRules.unlinkedRefund(null).result()).isEqualTo(ResultCode.CURRENCY_NOT_ACCEPTED);
    }

    @Test
    void aRefundOfASaleWithAnExtremeRateIsComputedWithoutOverflow() {
        StoredPurchase s = sale(1_000_000_000L, 1_000_000_000_000_000L); // 1e6 points per minor unit

        Decision refund = PointsRules.reverseRefund(s, eur(999_999_999L));

        assertThat(refund.points()).isEqualTo(points(-999_999_999_000_000L));
    }

    @Test
    void aRefundBeyondAFullyRefundedSaleOfTheLargestAmountIsDeclined() {
        StoredPurchase s = sale(Money.MAX_MINOR_UNITS, 5);
        s.refund(eur(Money.MAX_MINOR_UNITS), points(5));

        assertThat(PointsRules.reverseRefund(s, eur(Money.MAX_MINOR_UNITS)).result())
                .isEqualTo(ResultCode.REFUND_EXCEEDS_ORIGINAL);
    }

    @Test
    void aRedemptionIsDeclinedWhileTheBalanceIsNegative() {
        assertThat(PointsRules.redeem(points(1), points(-50)).result()).isEqualTo(ResultCode.INSUFFICIENT_POINTS);
    }

    @Test
    void undoReversesWhatIsOutstandingAndRefusesASecondUndo() {
        StoredPurchase s = sale(1000, 10);
        s.refund(eur(400), points(4));
        assertThat(PointsRules.undo(s).points()).isEqualTo(points(-6));
        s.undo();
        assertThat(s.pointsOutstanding()).isEqualTo(Points.ZERO);
        assertThat(PointsRules.undo(s).result()).isEqualTo(ResultCode.ALREADY_REVERSED);
        assertThat(PointsRules.reverseRefund(s, eur(100)).result()).isEqualTo(ResultCode.ALREADY_REVERSED);
        assertThat(PointsRules.undo(null).result()).isEqualTo(ResultCode.ORIGINAL_NOT_FOUND);
    }

    @Test
    void aVoidedRefundGivesItsSaleBackTheAmountAndThePoints() {
        StoredPurchase sale = sale(1000, 10);
        StoredPurchase refund = new StoredPurchase(2, new TerminalId(1), new TxnRef("r"), TransactionType.REFUND, ResultCode.APPROVED, 1L, 1L,
                eur(400), points(-4), 6, "1234", 1L, null, Points.ZERO, eur(0), false);
        sale.refund(eur(400), points(4));

        sale.giveBackRefund(refund);

        assertThat(sale.amountRefunded()).isEqualTo(eur(0));
        assertThat(sale.pointsOutstanding()).isEqualTo(points(10));
        assertThat(sale.hasChanged()).isTrue();
    }

    @Test
    void aRedemptionNeedsEnoughPoints() {
        assertThat(PointsRules.redeem(points(50), points(49)).result()).isEqualTo(ResultCode.INSUFFICIENT_POINTS);
        assertThat(PointsRules.redeem(points(50), points(50)).points()).isEqualTo(points(-50));
    }
}
