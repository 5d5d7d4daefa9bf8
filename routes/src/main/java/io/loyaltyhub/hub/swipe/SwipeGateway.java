package io.loyaltyhub.hub.swipe;

import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.Submitted;

/**
 * The one crediting path every channel uses. {@link #submit} hands the transaction to the durable swipe queue and
 * returns at once; what the terminal may be told after waiting comes from {@link Submitted#verdictWithin}: the
 * engine's answer, "pending" only once the queue confirmed the transaction is stored, or "not stored / not
 * confirmed, send it again". A transaction is identified by merchant:terminal:txnRef:type; a copy of one already
 * answered (same content and card) gets the first answer (marked duplicate, with the balance as it is then), never
 * a second credit; other content under a used reference is refused.
 */
public interface SwipeGateway {

    Submitted submit(PosTransaction transaction);
}
