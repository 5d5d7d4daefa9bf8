package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.expiry.ExpiryPolicy;
import io.loyaltyhub.domain.expiry.PointsExpiry;
import io.loyaltyhub.domain.expiry.PointsLots;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.ExpiringPoints;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The answers of one {@link EngineBatch} that show the points that expire next (docs/expiry.md), filled in after the
 * batch's writes: a balance inquiry's, on every channel; and every answer of the batch channels (CSV files, POSLog
 * documents), which have no balance inquiries and print the balance on each result line. Reading an account's lots
 * costs its ledger, so swipes answered online do not pay it.
 */
final class NextExpiries {
    /** Answers of this batch that show them: their index in the batch, and the account they show. */
    private final Map<Integer, Long> shown = new LinkedHashMap<>();

    static boolean shownWith(PosTransaction t) {
        return t.type() == TransactionType.BALANCE_INQUIRY || t.channel() == Channel.CSV_BATCH
                || t.channel() == Channel.POSLOG;
    }

    void note(int index, long account) {
        shown.put(index, account);
    }

    /**
     * Adds the points that expire next to the noted answers: three statements for the batch when it has such answers
     * and the programme has an expiry rule, none otherwise.
     */
    void show(Connection c, TransactionOutcome[] outcomes) throws SQLException {
        if (shown.isEmpty()) {
            return;
        }
        Optional<ExpiryPolicy> policy = PointsExpiry.policy(c);
        if (policy.isEmpty()) {
            return;
        }
        Map<Long, PointsLots> lots = PointsExpiry.LotReader.read(c, new ArrayList<>(new TreeSet<>(shown.values())));
        for (Map.Entry<Integer, Long> answer : shown.entrySet()) {
            PointsLots of = lots.get(answer.getValue());
            PointsLots.NextExpiry next = of == null ? null : of.next(policy.get());
            if (next != null) {
                outcomes[answer.getKey()] = outcomes[answer.getKey()].withNextExpiry(new ExpiringPoints(next.points(), next.on()));
            }
        }
    }
}
