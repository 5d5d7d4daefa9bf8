package io.loyaltyhub.hub.chaos;

import io.loyaltyhub.domain.txn.TransactionType;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Tells when the hub answers again: a till of its own sends balance inquiries over HTTP (resending each until the
 * engine answers, as any till would) every 200 ms. "Answering" means the engine's answer, not a "pending" one: a
 * hub whose database is still down may store swipes, but cannot credit them. The probe's inquiries are audited
 * like every other transaction.
 */
final class RecoveryProbe {
    /** The probe's terminal code. */
    static final String TERMINAL = "P1";
    private static final Duration INTERVAL = Duration.ofMillis(200);

    private final HttpTill till;
    private final int cards;
    private OnlineTill.Sent<String> current;
    private int next;
    private String lastSeen = "nothing yet";

    RecoveryProbe(HttpTill till, int cards) {
        this.till = till;
        this.cards = cards;
    }

    /** What the probe's last send got, for a report of a hub that does not answer. */
    String lastSeen() {
        return lastSeen;
    }

    /** @return when the engine answered (epoch milliseconds), or empty when it did not within {@code timeout} */
    OptionalLong awaitAnswering(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (current == null) {
                current = till.ring(new PlannedSwipe(TransactionType.BALANCE_INQUIRY, 1 + next++ % cards, 0, 0, null));
            }
            SwipeRecord record = current.record();
            boolean sentBefore = record.attempts() > 0;
            record.attempted();
            Attempt attempt = till.attempt(current, sentBefore);
            if (attempt instanceof Attempt.Answered answered) {
                lastSeen = "an answer: " + answered.answer().kind();
                record.answered(answered.answer());
                if (answered.answer().kind() == AnswerKind.REJECTED) {
                    throw new IllegalStateException("the hub refused the probe's balance inquiry: " + answered.answer());
                }
                if (answered.answer().kind().fromEngine()) {
                    current = null;
                    return OptionalLong.of(answered.answer().atMillis());
                }
            } else {
                Attempt.Retry retry = (Attempt.Retry) attempt;
                lastSeen = "no answer: " + retry.reason();
                record.retried(retry.notStored());
            }
            if (System.nanoTime() > deadline) {
                return OptionalLong.empty();
            }
            RunControl.pause(INTERVAL);
        }
    }
}
