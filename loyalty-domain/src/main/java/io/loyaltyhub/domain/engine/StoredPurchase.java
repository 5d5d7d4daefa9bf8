package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;

/**
 * A purchase row as the engine needs it: its answer, what a copy must match (content digest and card), and for
 * an original transaction the running totals that later refunds and voids consult and change (mutable within
 * one batch, written back at its end).
 */
final class StoredPurchase {
    final long id;
    final long terminalId;
    final String txnRef;
    final TransactionType kind;
    final ResultCode result;
    final Long cardId;
    final Long accountId;
    final long amountMinor;
    final String currency;
    final long points;
    /** The balance after it; {@link TransactionOutcome#NO_BALANCE} when it was answered without one. */
    final long balanceAfter;
    final String last4;
    final Long originalId;
    /** Null for rows written before content digests were stored. */
    final String contentDigest;
    private long pointsReversed;
    private long amountRefunded;
    private boolean voided;
    private boolean changed;

    StoredPurchase(long id, long terminalId, String txnRef, TransactionType kind, ResultCode result, Long cardId,
                   Long accountId, long amountMinor, String currency, long points, long balanceAfter, String last4,
                   Long originalId, String contentDigest, long pointsReversed, long amountRefunded, boolean voided) {
        this.id = id;
        this.terminalId = terminalId;
        this.txnRef = txnRef;
        this.kind = kind;
        this.result = result;
        this.cardId = cardId;
        this.accountId = accountId;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.points = points;
        this.balanceAfter = balanceAfter;
        this.last4 = last4;
        this.originalId = originalId;
        this.contentDigest = contentDigest;
        this.pointsReversed = pointsReversed;
        this.amountRefunded = amountRefunded;
        this.voided = voided;
    }

    TransactionOutcome outcome() {
        return new TransactionOutcome(result, points, balanceAfter, last4, false);
    }

    /** Points of this transaction not yet undone by later refunds or a void. */
    long pointsOutstanding() {
        return points - pointsReversed;
    }

    /**
     * A refund linked to this sale: {@code refundMinor} more of its amount came back, and {@code pointsTakenBack} more
     * of its points with it (what {@link PointsRules#reverseRefund} decided).
     */
    void refund(long refundMinor, long pointsTakenBack) {
        amountRefunded = Math.addExact(amountRefunded, refundMinor);
        pointsReversed = Math.addExact(pointsReversed, pointsTakenBack);
        changed = true;
    }

    /** A void or reversal: everything still outstanding is undone, and nothing more can be refunded or undone. */
    void undo() {
        pointsReversed = points;
        voided = true;
        changed = true;
    }

    /** One of this sale's refunds was voided: its amount and points count for this sale again. */
    void giveBackRefund(StoredPurchase voidedRefund) {
        pointsReversed = Math.addExact(pointsReversed, voidedRefund.points); // a refund's points are negative
        amountRefunded = Math.subtractExact(amountRefunded, voidedRefund.amountMinor);
        changed = true;
    }

    boolean isVoided() {
        return voided;
    }

    long amountRefunded() {
        return amountRefunded;
    }

    long pointsReversed() {
        return pointsReversed;
    }

    /** Refunded, voided or given back since it was read: its totals are written back with the batch. */
    boolean hasChanged() {
        return changed;
    }
}
