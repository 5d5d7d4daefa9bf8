package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import java.time.LocalDateTime;

/** A purchase row the current batch will insert. */
record NewPurchase(long id, PosTransaction txn, Long cardId, Long accountId, ResultCode result, long points,
                   long balanceAfter, Long originalId, String contentDigest, LocalDateTime recordedAt) {
}
