package io.loyaltyhub.hub.chaos;

import io.loyaltyhub.domain.txn.ResultCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a run like a bank auditor, from what the tills were told and what the database holds.
 * <ul>
 * <li>Every transaction answered approved or declined is stored with that outcome (after the restart that ended
 * the load), and sending it again at the end returns that answer marked duplicate — not a fresh one.</li>
 * <li>Every transaction answered "pending" is credited by the end, once: its resend returns the engine's answer
 * marked duplicate.</li>
 * <li>No purchase is credited twice; every purchase's ledger entries add up to its points; every account's balance
 * is the sum of its ledger; every card's balance is the sum of the points its tills were told.</li>
 * </ul>
 * Pure: it reads records and snapshots, so a test can hand it a tampered result.
 */
final class Auditor {

    private Auditor() {
    }

    /**
     * @param afterLoad     the database after the load ended and the hub was stopped, before anything was sent again
     * @param afterLoadAt   when the hub was stopped (epoch ms): acknowledgments before it must be in {@code afterLoad}
     * @param end           the database at the end of the run, after every acknowledged transaction was sent again
     */
    static List<Finding> audit(List<SwipeRecord> records, LedgerSnapshot afterLoad, long afterLoadAt, LedgerSnapshot end) {
        List<Finding> findings = new ArrayList<>();
        for (SwipeRecord record : records) {
            checkTransaction(record, afterLoad, afterLoadAt, end, findings);
        }
        checkLedger(records, end, findings);
        checkCards(records, end, findings);
        return findings;
    }

    private static void checkTransaction(SwipeRecord record, LedgerSnapshot afterLoad, long afterLoadAt, LedgerSnapshot end,
                                         List<Finding> findings) {
        Answer first = record.acknowledgment();
        if (first == null) {
            findings.add(new Finding(Problem.UNANSWERED, record, "sent " + record.attempts() + " time(s), never answered", -1));
            return;
        }
        if (first.kind() == AnswerKind.REJECTED) {
            findings.add(new Finding(Problem.REJECTED, record, "refused: " + first.code(), record.acknowledgedSentAt()));
            return;
        }
        if (record.onlyNotStoredBefore() && Boolean.TRUE.equals(first.duplicate())) {
            findings.add(new Finding(Problem.NOT_STORED_BUT_STORED, record, "answered 'not stored' before an answer marked duplicate",
                    record.acknowledgedSentAt()));
        }
        if (first.kind().fromEngine()) {
            checkAnswered(record, first, afterLoad, afterLoadAt, end, findings);
        } else {
            checkPending(record, first, end, findings);
        }
    }

    private static void checkAnswered(SwipeRecord record, Answer first, LedgerSnapshot afterLoad, long afterLoadAt,
                                      LedgerSnapshot end, List<Finding> findings) {
        boolean lost = false;
        if (first.atMillis() < afterLoadAt) {
            LedgerSnapshot.StoredPurchase stored = afterLoad.purchase(record.key());
            if (stored == null) {
                findings.add(new Finding(Problem.LOST, record, "answered " + first + ", no trace of it after the restart",
                        record.acknowledgedSentAt()));
                lost = true;
            } else if (!storedAs(stored, first, record.channel())) {
                findings.add(new Finding(Problem.OUTCOME_MISMATCH, record, "answered " + first + ", stored as " + stored.result()
                        + " with " + stored.points() + " points", record.acknowledgedSentAt()));
            }
        }
        Answer again = record.recheck();
        if (again == null) {
            findings.add(new Finding(Problem.UNANSWERED, record, "its resend at the end of the run was never answered",
                    record.acknowledgedSentAt()));
            return;
        }
        if (appliedAnew(record, again, end)) {
            if (!lost) {
                findings.add(new Finding(Problem.LOST, record, "answered " + first + ", sent again at the end and applied anew: "
                        + again, record.acknowledgedSentAt()));
            }
            return;
        }
        boolean same = record.channel().flagsDuplicates() ? again.sameOutcomeAs(first) : again.repeats(first);
        if (!same && !lost) {
            findings.add(new Finding(Problem.OUTCOME_MISMATCH, record, "answered " + first + ", sent again: " + again,
                    record.acknowledgedSentAt()));
        }
    }

    private static void checkPending(SwipeRecord record, Answer first, LedgerSnapshot end, List<Finding> findings) {
        Answer again = record.recheck();
        if (again == null || !again.kind().fromEngine()) {
            findings.add(new Finding(Problem.PENDING_NEVER_CREDITED, record, "answered pending, "
                    + (again == null ? "its resend at the end was never answered" : "still pending at the end"),
                    record.acknowledgedSentAt()));
            return;
        }
        if (appliedAnew(record, again, end)) {
            findings.add(new Finding(Problem.PENDING_LOST, record, "answered pending, never stored: applied only when sent again at "
                    + "the end (" + again + ")", record.acknowledgedSentAt()));
            return;
        }
        Answer during = record.laterAnswer();
        if (during != null && !(record.channel().flagsDuplicates() ? again.sameOutcomeAs(during) : again.repeats(during))) {
            findings.add(new Finding(Problem.OUTCOME_MISMATCH, record, "answered " + during + " after pending, sent again: " + again,
                    record.acknowledgedSentAt()));
        }
    }

    /**
     * Whether the resend at the end was applied as a new transaction rather than answered as a copy. Channels that
     * say so mark copies duplicate; on ISO 8583 (which does not) the stored purchase tells: recorded once the resend
     * was on its way means the resend made it.
     */
    private static boolean appliedAnew(SwipeRecord record, Answer again, LedgerSnapshot end) {
        if (record.channel().flagsDuplicates()) {
            return again.kind().fromEngine() && Boolean.FALSE.equals(again.duplicate());
        }
        LedgerSnapshot.StoredPurchase stored = end.purchase(record.key());
        return stored != null && record.recheckSentAt() >= 0 && stored.recordedAt() >= record.recheckSentAt();
    }

    /** Whether the stored purchase says what the till was told, in the channel's terms. */
    static boolean storedAs(LedgerSnapshot.StoredPurchase stored, Answer answer, Channel channel) {
        ResultCode result;
        try {
            result = ResultCode.valueOf(stored.result());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String code = channel == Channel.ISO8583 ? result.isoResponseCode() : result.code();
        return code.equals(answer.code()) && answer.points() != null && answer.points() == stored.points();
    }

    private static void checkLedger(List<SwipeRecord> records, LedgerSnapshot end, List<Finding> findings) {
        Map<Long, SwipeRecord> byPurchase = new HashMap<>();
        for (SwipeRecord record : records) {
            LedgerSnapshot.StoredPurchase stored = end.purchase(record.key());
            if (stored != null) {
                byPurchase.put(stored.id(), record);
            }
        }
        end.purchases().forEach((key, purchase) -> {
            LedgerSnapshot.LedgerTotal ledger = end.ledgerOf(purchase.id());
            SwipeRecord record = byPurchase.get(purchase.id());
            long at = record != null && record.acknowledgment() != null ? record.acknowledgedSentAt() : -1;
            String what = key.terminal() + " " + key.ref() + " " + key.kind();
            if (ledger.entries() > 1 || purchase.points() != 0 && ledger.points() != purchase.points()
                    && ledger.points() % purchase.points() == 0 && ledger.points() / purchase.points() > 1) {
                findings.add(new Finding(Problem.DOUBLED, record, what + ": " + purchase.points() + " points, ledger "
                        + ledger.entries() + " entries of " + ledger.points() + " points", at));
            } else if (ledger.points() != purchase.points()) {
                findings.add(new Finding(Problem.LEDGER_MISMATCH, record, what + ": " + purchase.points() + " points, ledger "
                        + ledger.points(), at));
            }
        });
        end.accounts().forEach((account, total) -> {
            if (total.balance() != total.ledgerPoints()) {
                findings.add(new Finding(Problem.BALANCE_MISMATCH, null, "account " + account + ": balance " + total.balance()
                        + ", ledger " + total.ledgerPoints(), -1));
            }
        });
    }

    /**
     * Every card whose transactions all have a known engine outcome: its account's balance must be the sum of the
     * points its tills were told (a card with a transaction never answered may or may not have it, and is passed over).
     */
    private static void checkCards(List<SwipeRecord> records, LedgerSnapshot end, List<Finding> findings) {
        Map<Integer, Long> told = new HashMap<>();
        Map<Integer, Long> accountOfCard = new HashMap<>();
        Set<Integer> unknown = new HashSet<>();
        for (SwipeRecord record : records) {
            Answer first = record.acknowledgment();
            if (first != null && first.kind() == AnswerKind.REJECTED) {
                continue;
            }
            Answer outcome = record.engineOutcome();
            LedgerSnapshot.StoredPurchase stored = end.purchase(record.key());
            if (outcome == null || outcome.points() == null) {
                unknown.add(record.card());
                continue;
            }
            told.merge(record.card(), outcome.points(), Long::sum);
            if (stored != null && stored.cardId() != null && end.accountOfCard().containsKey(stored.cardId())) {
                accountOfCard.put(record.card(), end.accountOfCard().get(stored.cardId()));
            }
        }
        told.forEach((card, points) -> {
            if (unknown.contains(card)) {
                return;
            }
            Long account = accountOfCard.get(card);
            long balance = account == null || !end.accounts().containsKey(account) ? 0 : end.accounts().get(account).balance();
            if (balance != points) {
                findings.add(new Finding(Problem.CARD_MISMATCH, null, "card #" + card + ": balance " + balance
                        + ", the tills were told " + points + " points in all", -1));
            }
        });
    }
}
