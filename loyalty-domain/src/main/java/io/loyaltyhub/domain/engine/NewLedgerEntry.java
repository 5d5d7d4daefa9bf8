package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.ledger.ChainedEntry;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Points;
import java.time.LocalDateTime;

/** A ledger movement the current batch will append. */
record NewLedgerEntry(long id, long accountId, MerchantId merchantId, long purchaseId, String entryType, Points points,
                      LocalDateTime createdAt) {

    /** What the entry's link in its merchant's hash chain vouches for (docs/settlement.md). */
    ChainedEntry chained() {
        return new ChainedEntry(id, merchantId, purchaseId, entryType, points.value(), createdAt);
    }
}
