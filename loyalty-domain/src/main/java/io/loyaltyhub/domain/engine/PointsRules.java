package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionType;

/**
 * The points rules, as pure integer arithmetic (no database, no floating point). Each method answers
 * one kind of transaction; the caller records the decision and updates the running totals.
 */
final class PointsRules {
    private PointsRules() {
    }

    /** A sale earns floor(amount x rate). */
    static Decision creditSale(EarnRate rate, long amountMinor) {
        if (rate == null) {
            return Decision.decline(ResultCode.CURRENCY_NOT_ACCEPTED);
        }
        return Decision.approve(rate.earnFor(amountMinor).value());
    }

    /**
     * A refund linked to its sale reverses points in proportion to the amount refunded, computed on the
     * cumulative refunded amount so that partial refunds add up exactly to the points earned when the
     * whole amount has come back, and never to more.
     */
    static Decision reverseRefund(StoredPurchase sale, long refundMinor, String currency) {
        if (sale == null || sale.kind != TransactionType.SALE || !sale.result.approved()) {
            return Decision.decline(ResultCode.ORIGINAL_NOT_FOUND);
        }
        if (sale.voided) {
            return Decision.decline(ResultCode.ALREADY_REVERSED);
        }
        if (!sale.currency.equals(currency)) {
            return Decision.decline(ResultCode.CURRENCY_NOT_ACCEPTED);
        }
        long refundedAfter = Math.addExact(sale.amountRefunded, refundMinor);
        if (refundedAfter > sale.amountMinor) {
            return Decision.decline(ResultCode.REFUND_EXCEEDS_ORIGINAL);
        }
        long reversedAfter = Math.multiplyExact(sale.points, refundedAfter) / sale.amountMinor;
        return Decision.approve(-(reversedAfter - sale.pointsReversed));
    }

    /**
     * A refund with no original (the till could not name the sale) reverses at the merchant's current rate,
     * but never more than the account holds: it cannot be shown to exceed what the sale earned, so it is
     * not allowed to push the account below zero.
     */
    static Decision reverseUnlinkedRefund(EarnRate rate, long refundMinor, long balance) {
        if (rate == null) {
            return Decision.decline(ResultCode.CURRENCY_NOT_ACCEPTED);
        }
        long points = Math.min(rate.earnFor(refundMinor).value(), Math.max(balance, 0));
        return Decision.approve(-points);
    }

    /** A void or reversal undoes exactly what is still outstanding of the original (all of it, if nothing was refunded). */
    static Decision undo(StoredPurchase original) {
        if (original == null) {
            return Decision.decline(ResultCode.ORIGINAL_NOT_FOUND);
        }
        if (original.voided) {
            return Decision.decline(ResultCode.ALREADY_REVERSED);
        }
        if (!original.result.approved()) {
            return Decision.approve(0); // a declined original moved no points: nothing to undo
        }
        return Decision.approve(-original.pointsOutstanding());
    }

    static Decision redeem(long requestedPoints, long balance) {
        if (requestedPoints > balance) {
            return Decision.decline(ResultCode.INSUFFICIENT_POINTS);
        }
        return Decision.approve(-requestedPoints);
    }
}
