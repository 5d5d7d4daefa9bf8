package io.loyaltyhub.domain.txn;

public enum TransactionType {
    SALE, REFUND, VOID, REVERSAL, REDEEM, BALANCE_INQUIRY;

    /** Refunds, voids and reversals point at the transaction they undo. */
    public boolean needsOriginal() {
        return this == VOID || this == REVERSAL;
    }

    public boolean carriesAmount() {
        return this == SALE || this == REFUND;
    }

    /**
     * A card presented for the first time is activated (given a member account) only by an approved sale: the
     * only transaction that can apply something to an account that does not exist yet. A declined sale, a
     * balance inquiry or anything else leaves the card unactivated.
     */
    public boolean activatesCard() {
        return this == SALE;
    }
}
