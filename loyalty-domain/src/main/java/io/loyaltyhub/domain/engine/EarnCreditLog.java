package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
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
