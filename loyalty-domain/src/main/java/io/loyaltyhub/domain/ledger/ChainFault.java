package io.loyaltyhub.domain.ledger;

import io.loyaltyhub.domain.model.MerchantId;

/**
 * One place where a merchant's ledger no longer matches its chain, naming the entry (or the positions) concerned.
 *
 * @param entryId the entry named, or null when only positions can be named (links removed with their entries)
 */
public record ChainFault(Kind kind, MerchantId merchant, Long entryId, long position, String detail) {
    public enum Kind {
        /** An entry's content no longer hashes to its link's hash. */
        EDITED,
        /** A chained entry's row is gone, or whole positions of the chain are. */
        DELETED,
        /** An entry row that is in no chain, or links past the chain's head. */
        INSERTED,
        /** An authentic entry chained at another position than the one it now sits at. */
        REORDERED,
        /** A link or the head no longer follows the link before it. */
        LINK_ALTERED,
        /** A signed statement no longer matches the chain (history rewritten with recomputed hashes), or its signature fails. */
        CHECKPOINT_MISMATCH
    }

    @Override
    public String toString() {
        return kind + " merchant " + merchant + (entryId == null ? "" : " entry " + entryId) + " at position " + position
                + ": " + detail;
    }
}
