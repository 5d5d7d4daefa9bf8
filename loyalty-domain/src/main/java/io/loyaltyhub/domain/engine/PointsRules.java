package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.Points;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionType;
import java.math.BigInteger;

/**
 * The points rules, as pure integer arithmetic (no database, no floating point). Each method answers
 * one kind of transaction; the caller records the decision and updates the running totals.
 */
final class PointsRules {
    private PointsRules() {
    }

    /** A sale earns floor(amount x rate). */
    static Decision creditSale(EarnRate rate, Money amount) {
        if (rate == null) {
            return Decision.decline(ResultCode.CURRENCY_NOT_ACCEPTED);
        }
        return Decision.approve(rate.earnFor(amount.minorUnits()));
    }

    /**
     * A refund linked to its sale reverses points in proportion to the amount refunded, computed on the
     * cumulative refunded amount so that partial refunds add up exactly to the points earned when the
     * whole amount has come back, and never to more. It takes them back even when they have been spent: the
     * balance may go below zero, a debt that the member's next earnings pay off first (docs/http-json.md).
     */
    static Decision reverseRefund(StoredPurchase sale, Money refund) {
        if (sale == null || sale.kind != TransactionType.SALE || !sale.result.approved()) {
            return Decision.decline(ResultCode.ORIGINAL_NOT_FOUND);
        }
        if (sale.isVoided()) {
            return Decision.decline(ResultCode.ALREADY_REVERSED);
        }
        if (!refund.isIn(sale.amount.currency())) {
            return Decision.decline(ResultCode.CURRENCY_NOT_ACCEPTED);
        }
        // compared with what is left, so that the sum below stays within what Money can hold
        if (refund.isMoreThan(sale.amountNotRefunded())) {
            return Decision.decline(ResultCode.REFUND_EXCEEDS_ORIGINAL);
        }
        Money refundedAfter = sale.amountRefunded().plus(refund);
        // points x amount can exceed a long for extreme earn rates; the quotient never exceeds the points earned.
        Points reversedAfter = Points.of(BigInteger.valueOf(sale.points.value())
                .multiply(BigInteger.valueOf(refundedAfter.minorUnits()))
                .divide(BigInteger.valueOf(sale.amount.minorUnits())).longValueExact());
        return Decision.approve(reversedAfter.minus(sale.pointsReversed()).negate());
    }

    /**
     * A refund with no original (the till could not name the sale) moves no points: nothing shows what the sale
     * earned, at which rate, or whether it was made with this card at all, and taking points for it would take
     * them twice if the sale is later voided or refunded with its reference. It is recorded (merchants see it in
     * their reports) and approved with 0 points, on every channel. Linking the refund is how points come back.
     */
    static Decision unlinkedRefund(EarnRate rate) {
        if (rate == null) {
            return Decision.decline(ResultCode.CURRENCY_NOT_ACCEPTED);
        }
        return Decision.approveNoChange();
    }

    /**
     * A void or reversal undoes exactly what is still outstanding of the original (all of it, if nothing was
     * refunded), also when that takes the balance below zero.
     */
    static Decision undo(StoredPurchase original) {
        if (original == null) {
            return Decision.decline(ResultCode.ORIGINAL_NOT_FOUND);
        }
        if (original.isVoided()) {
            return Decision.decline(ResultCode.ALREADY_REVERSED);
        }
        if (!original.result.approved()) {
            return Decision.approveNoChange(); // a declined original moved no points: nothing to undo
        }
        return Decision.approve(original.pointsOutstanding().negate());
    }

    /**
     * A redemption needs a balance at least as large as the points asked: so nothing is redeemed while a balance
     * is negative (a debt left by a refund or void of points already spent, see {@link #reverseRefund}).
     */
    static Decision redeem(Points requested, Points balance) {
        if (requested.isMoreThan(balance)) {
            return Decision.decline(ResultCode.INSUFFICIENT_POINTS);
        }
        return Decision.approve(requested.negate());
    }
}
