package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.model.Points;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import java.time.LocalDateTime;

/** A purchase row the current batch will insert ({@code balanceAfter} may be {@code TransactionOutcome.NO_BALANCE}). */
record NewPurchase(long id, PosTransaction txn, Long cardId, Long accountId, ResultCode result, Points points,
                   long balanceAfter, Long originalId, String contentDigest, LocalDateTime recordedAt) {
}
