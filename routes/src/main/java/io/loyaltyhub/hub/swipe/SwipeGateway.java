package io.loyaltyhub.hub.swipe;

import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.util.concurrent.CompletableFuture;

/**
 * The one crediting path every channel uses. {@link #submit} hands the transaction to the durable swipe queue;
 * the future completes with the engine's answer, or fails with {@link SwipeNotAcceptedException} when the broker
 * did not store it (the terminal should send it again). A transaction is identified by merchant:terminal:txnRef:type;
 * a copy of one already answered (same content and card) completes with the first answer (marked duplicate, with
 * the balance as it is then), never with a second credit; other content under a used reference is refused.
 * Online channels wait on the future with a timeout and answer "accepted, pending" when it runs out;
 * batch channels collect the futures and report per record.
 */
public interface SwipeGateway {

    CompletableFuture<TransactionOutcome> submit(PosTransaction transaction);
}
