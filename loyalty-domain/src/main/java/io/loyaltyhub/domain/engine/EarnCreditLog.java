package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which earn rule (rate version) produced each credit of a batch (docs/rewards.md, "Earn rates over time"): written with
 * the batch's ledger entries, one JDBC batch per merchant, so a later change of rules can always be told from the points
 * it did not touch.
 */
final class EarnCreditLog {
    /** A credit of a sale and the rule that produced it. */
    record EarnCredit(MerchantId merchant, long purchaseId, String rule, long points) {
    }

    private final List<EarnCredit> credits = new ArrayList<>();

    void add(EarnCredit credit) {
        credits.add(credit);
    }

    /** Rules in the order answers name them: the rate, then campaigns, then the tier; by name within each. */
    static final Comparator<String> ANSWER_ORDER = Comparator.<String>comparingInt(
            rule -> rule.startsWith("rate:") ? 0 : rule.startsWith("campaign:") ? 1 : 2).thenComparing(rule -> rule);

    /**
     * The rules an earlier sale's credit recorded (for a copy's answer): this batch's own when the sale was credited
     * earlier in this batch (not written yet), else the stored ones.
     */
    List<String> rulesOf(Connection c, MerchantId merchant, long purchaseId) throws SQLException {
        List<String> rules = new ArrayList<>(credits.stream().filter(e -> e.purchaseId() == purchaseId)
                .map(EarnCredit::rule).toList());
        if (rules.isEmpty()) {
            try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT rule FROM earn_credit_rule "
                    + "WHERE merchant_id = :merchant AND purchase_id = ?")) {
                ps.setLong(1, purchaseId);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rules.add(rs.getString(1));
                    }
                }
            }
        }
        rules.sort(ANSWER_ORDER);
        return rules;
    }

    void write(Connection c) throws SQLException {
        Map<MerchantId, List<EarnCredit>> byMerchant = new LinkedHashMap<>();
        credits.forEach(e -> byMerchant.computeIfAbsent(e.merchant(), m -> new ArrayList<>()).add(e));
        for (Map.Entry<MerchantId, List<EarnCredit>> e : byMerchant.entrySet()) {
            try (PreparedStatement ps = MerchantSql.on(c, e.getKey()).prepare("INSERT INTO earn_credit_rule (merchant_id, "
                    + "purchase_id, rule, points) VALUES (:merchant, ?, ?, ?)")) {
                for (EarnCredit credit : e.getValue()) {
                    ps.setLong(1, credit.purchaseId());
                    ps.setString(2, credit.rule());
                    ps.setLong(3, credit.points());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }
}
