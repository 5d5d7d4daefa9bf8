package io.loyaltyhub.hub.swipe;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * A group of transactions from one request (the lines of a file, the transactions of a document), one
     * {@link Submitted} each, in the same order: the same as submitting them one by one, but a queue may store the
     * group in fewer messages.
     */
    default List<Submitted> submitAll(List<PosTransaction> transactions) {
        List<Submitted> submitted = new ArrayList<>(transactions.size());
        for (PosTransaction transaction : transactions) {
            submitted.add(submit(transaction));
        }
        return submitted;
    }
}
