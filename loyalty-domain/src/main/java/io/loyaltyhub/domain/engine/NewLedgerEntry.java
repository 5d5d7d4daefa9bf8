package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Points;
import java.time.LocalDateTime;

/** A ledger movement the current batch will append. */
record NewLedgerEntry(long id, long accountId, MerchantId merchantId, long purchaseId, String entryType, Points points,
                      LocalDateTime createdAt) {
}
