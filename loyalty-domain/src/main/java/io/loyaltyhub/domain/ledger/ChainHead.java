package io.loyaltyhub.domain.ledger;

/** The tip of one merchant's chain: its last position (0 when empty) and that link's hash. */
record ChainHead(long lastPosition, String lastHash) {
    static final ChainHead EMPTY = new ChainHead(0, ChainHash.GENESIS);
}
