package io.loyaltyhub.domain.engine;

import java.time.LocalDateTime;

/** A ledger movement the current batch will append. */
record NewLedgerEntry(long id, long accountId, long merchantId, long purchaseId, String entryType, long points,
                      LocalDateTime createdAt) {
}
