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
}
