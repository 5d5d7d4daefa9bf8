package io.loyaltyhub.hub.swipe;

import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last answers this node handed out, by transaction id (merchant:terminal:txnRef:type), so that a terminal retrying a swipe
 * (the usual duplicate: a till that timed out and sends again) is answered from memory. Bounded: the oldest
 * answer is forgotten first; a forgotten one is still found in the database.
 */
final class RecentAnswers {
    private final Map<String, TransactionOutcome> answers;

    RecentAnswers(int capacity) {
        this.answers = new LinkedHashMap<>(capacity * 4 / 3 + 1) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TransactionOutcome> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void remember(String duplicateId, TransactionOutcome outcome) {
        answers.put(duplicateId, outcome);
    }

    synchronized TransactionOutcome find(String duplicateId) {
        return answers.get(duplicateId);
    }
}
