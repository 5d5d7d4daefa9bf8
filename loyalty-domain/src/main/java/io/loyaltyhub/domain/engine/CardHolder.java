package io.loyaltyhub.domain.engine;

/** A known card, the card key version its token is stored under, and the account its points go to. */
record CardHolder(long cardId, long accountId, String status, int keyVersion) {
    boolean isBlocked() {
        return !"ACTIVE".equals(status);
    }
}
