package io.loyaltyhub.domain.report;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The merchant's settlement statements of the closed periods that ended in the report's dates (docs/settlement.md):
 * figures, money, the gift lines, and last the line the hub signed with its signature ({@code ed25519:} and base64), so that a
 * merchant checks them with openssl.
 */
final class StatementsReport implements Report {
    static final String CLOSED_IN_RANGE = "FROM settlement_statement s JOIN settlement_period per ON per.id = s.period_id "
            + "WHERE s.merchant_id = :merchant AND per.status = 'CLOSED' AND per.ends_at > ? AND per.ends_at <= ? ";

    @Override
    public String name() {
        return "statements";
    }

    @Override
    public List<String> columns() {
        return List.of("period", "start", "end", "positions", "issued", "reversed", "redeemed", "expired", "other", "billing",
                "prepaid_drawn", "prepaid_shortfall", "topup_minor", "owed_minor", "due_minor", "net_minor", "currency",
                "operator_gifts", "operator_gift_points", "operator_gift_cost_minor", "merchant_gifts", "merchant_gift_cost_minor",
                "chain_hash", "merkle_root", "signed_text", "signature");
    }

    @Override
    public Set<String> parameters() {
        return Set.of();
    }

    @Override
    public long write(ReportRun run) throws SQLException, IOException {
        long rows = 0;
        try (PreparedStatement ps = run.prepare("SELECT s.period_id, per.starts_at, per.ends_at, s.from_seq, s.to_seq, "
                + "s.points_issued, s.points_reversed, s.points_redeemed, s.points_expired, s.points_other, s.billing, "
                + "s.prepaid_drawn, s.prepaid_shortfall, s.topup_minor, s.owed_minor, s.due_minor, s.net_minor, s.currency, "
                + "s.operator_gifts, s.operator_gift_points, s.operator_gift_cost_minor, s.merchant_gifts, s.merchant_gift_cost_minor, "
                + "s.chain_hash, s.merkle_root, s.signed_text, s.signature " + CLOSED_IN_RANGE + "ORDER BY per.ends_at")) {
            run.bindPeriod(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    run.out().row(rs.getLong(1), rs.getObject(2, java.time.LocalDateTime.class).toString(),
                            rs.getObject(3, java.time.LocalDateTime.class).toString(), rs.getLong(4) + ".." + rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getString(11),
                            rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17),
                            rs.getString(18), rs.getLong(19), rs.getLong(20), rs.getLong(21), rs.getLong(22), rs.getLong(23),
                            rs.getString(24), rs.getString(25), rs.getString(26), "ed25519:" + rs.getString(27));
                    rows++;
                }
            }
        }
        return rows;
    }
}
