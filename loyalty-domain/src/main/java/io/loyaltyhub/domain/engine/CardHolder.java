package io.loyaltyhub.domain.engine;

/** A known card, the card key version its token is stored under, and the account its points go to. */
record CardHolder(long cardId, long accountId, String status, int keyVersion) {
    boolean isBlocked() {
        return !"ACTIVE".equals(status);
    }

    /** Why a card that is not active is declined: replaced by another card, or blocked by the operator. */
    io.loyaltyhub.domain.txn.ResultCode declineCode() {
        return "REPLACED".equals(status) ? io.loyaltyhub.domain.txn.ResultCode.CARD_REPLACED
                : io.loyaltyhub.domain.txn.ResultCode.CARD_BLOCKED;
    }
}
