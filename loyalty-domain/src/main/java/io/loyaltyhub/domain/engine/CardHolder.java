package io.loyaltyhub.domain.engine;

/** A known card and the account its points go to. */
record CardHolder(long cardId, long accountId, String status) {
    boolean isBlocked() {
        return !"ACTIVE".equals(status);
    }
}
