package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.Points;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionKey;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;

/**
 * A purchase row as the engine needs it: its answer, what a copy must match (content digest and card), and for
 * an original transaction the running totals that later refunds and voids consult and change (mutable within
 * one batch, written back at its end).
 */
final class StoredPurchase {
    final long id;
    final TerminalId terminalId;
    final TxnRef txnRef;
    final TransactionType kind;
    final ResultCode result;
    final Long cardId;
    final Long accountId;
    final Money amount;
    final Points points;
    /**
     * The balance after it; {@link TransactionOutcome#NO_BALANCE} when it was answered without one. A raw long, not
     * {@link Points}, because of that marker: it goes out unchanged in the {@link TransactionOutcome}.
     */
    final long balanceAfter;
    final String last4;
    final Long originalId;
    /** Null for rows written before content digests were stored. */
    final String contentDigest;
    private Points pointsReversed;
    private Money amountRefunded;
    private boolean voided;
    private boolean changed;

    StoredPurchase(long id, TerminalId terminalId, TxnRef txnRef, TransactionType kind, ResultCode result, Long cardId,
                   Long accountId, Money amount, Points points, long balanceAfter, String last4, Long originalId,
                   String contentDigest, Points pointsReversed, Money amountRefunded, boolean voided) {
        this.id = id;
        this.terminalId = terminalId;
        this.txnRef = txnRef;
        this.kind = kind;
        this.result = result;
        this.cardId = cardId;
        this.accountId = accountId;
        this.amount = amount;
        this.points = points;
        this.balanceAfter = balanceAfter;
        this.last4 = last4;
        this.originalId = originalId;
        this.contentDigest = contentDigest;
        this.pointsReversed = pointsReversed;
        this.amountRefunded = amountRefunded;
        this.voided = voided;
    }

    /** Its reference, within the merchant it was read for (the row's own merchant). */
    TransactionKey keyAt(MerchantId merchant) {
        return new TransactionKey(merchant, terminalId, txnRef, kind);
    }

    TransactionOutcome outcome() {
        return new TransactionOutcome(result, points.value(), balanceAfter, last4, false);
    }

    /** Points of this transaction not yet undone by later refunds or a void. */
    Points pointsOutstanding() {
        return points.minus(pointsReversed);
    }

    /** What of its amount has not been refunded yet (in its currency). */
    Money amountNotRefunded() {
        return amount.minus(amountRefunded);
    }

    /**
     * A refund linked to this sale: {@code refunded} more of its amount came back, and {@code pointsTakenBack} more
     * of its points with it (what {@link PointsRules#reverseRefund} decided).
     */
    void refund(Money refunded, Points pointsTakenBack) {
        amountRefunded = amountRefunded.plus(refunded);
        pointsReversed = pointsReversed.plus(pointsTakenBack);
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
        pointsReversed = pointsReversed.plus(voidedRefund.points); // a refund's points are negative
        amountRefunded = amountRefunded.minus(voidedRefund.amount);
        changed = true;
    }

    boolean isVoided() {
        return voided;
    }

    Money amountRefunded() {
        return amountRefunded;
    }

    Points pointsReversed() {
        return pointsReversed;
    }

    /** Refunded, voided or given back since it was read: its totals are written back with the batch. */
    boolean hasChanged() {
        return changed;
    }
}
