package io.loyaltyhub.domain.ledger;

import io.loyaltyhub.domain.model.MerchantId;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * What a ledger entry's link vouches for: the entry's fields as the database stores them. The account is left out on
 * purpose: merging two cards moves a duplicate account's entries to the kept account (CardMerge), a legitimate change
 * the chain must survive; which merchant, purchase, kind, points and time an entry has never change.
 */
public record ChainedEntry(long entryId, MerchantId merchant, long purchaseId, String entryType, long points,
                           LocalDateTime createdAt) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");
    private static final int NANOS_PER_MILLI = 1_000_000;

    public ChainedEntry {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(entryType, "entryType");
        Objects.requireNonNull(createdAt, "createdAt");
        if (createdAt.getNano() % NANOS_PER_MILLI != 0) {
            // the column keeps milliseconds: a finer time would be hashed as one value and stored as another
            throw new IllegalArgumentException("a ledger entry's time is whole milliseconds, as stored: " + createdAt);
        }
    }

    /**
     * The one line hashed for this entry at {@code position} after {@code previousHash}:
     * {@code v1|merchant|position|entry id|purchase id|type|points|time|previous hash} (docs/settlement.md).
     */
    public String canonicalAt(long position, String previousHash) {
        return "v1|" + merchant.value() + "|" + position + "|" + entryId + "|" + purchaseId + "|" + entryType + "|" + points
                + "|" + TIME.format(createdAt) + "|" + previousHash;
    }

    public String hashAt(long position, String previousHash) {
        return ChainHash.sha256Hex(canonicalAt(position, previousHash));
    }
}
