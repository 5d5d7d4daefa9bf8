package io.loyaltyhub.hub.chaos;

import io.loyaltyhub.domain.txn.TransactionType;

/**
 * The next transaction a till will ring up, before it is put into a protocol.
 *
 * @param amount       minor units (SALE, REFUND), 0 otherwise
 * @param redeemPoints points to spend (REDEEM), 0 otherwise
 * @param original     the sale a REFUND or VOID refers to, null otherwise
 */
record PlannedSwipe(TransactionType type, int card, long amount, long redeemPoints, SwipeRecord original) {
}
