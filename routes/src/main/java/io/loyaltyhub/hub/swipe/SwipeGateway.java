package io.loyaltyhub.hub.swipe;

import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.util.concurrent.CompletableFuture;

/**
 * The one crediting path every channel uses. {@link #submit} makes the transaction durable on the broker
 * (duplicate-detection id merchant:terminal:txnRef:type) before it returns; the future completes with the
 * engine's answer. A copy of a transaction already answered completes at once with the first answer.
 * Online channels wait on the future with a timeout and answer "accepted, pending" when it runs out;
 * batch channels collect the futures and report per record.
 */
public interface SwipeGateway {

    CompletableFuture<TransactionOutcome> submit(PosTransaction transaction);
}
