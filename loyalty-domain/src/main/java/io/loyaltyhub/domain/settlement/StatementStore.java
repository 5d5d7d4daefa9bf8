package io.loyaltyhub.domain.settlement;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.AcrossMerchants;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Statement rows and their postings, in the caller's transaction. */
final class StatementStore {
    static final String OPERATOR = "operator";
    private static final String ALL_STATEMENTS = "the operator's settlement view: every merchant's statement of a period";
    private static final String COLUMNS = "period_id, merchant_id, from_seq, to_seq, points_issued, points_reversed, "
            + "points_redeemed, points_expired, points_other, billing, prepaid_drawn, prepaid_shortfall, prepaid_left, "
            + "topup_points, topup_minor, issue_price_minor, redeem_value_minor, owed_minor, due_minor, net_minor, currency, "
            + "operator_gifts, operator_gift_points, operator_gift_cost_minor, merchant_gifts, merchant_gift_cost_minor";

    private StatementStore() {
    }

    static String party(MerchantId merchant) {
        return "merchant:" + merchant.value();
    }

    /** The statement and its two postings (the merchant's net and the operator's opposite). */
    static void insert(Connection c, MerchantStatement s, LocalDateTime closedAt, IdGenerator ids) throws SQLException {
        try (PreparedStatement ps = MerchantSql.on(c, s.merchant()).prepare("INSERT INTO settlement_statement (" + COLUMNS
                + ", closed_at) VALUES (?, :merchant, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long[] numbers = {s.periodId(), s.fromPosition(), s.toPosition(), s.points().issued(), s.points().reversed(),
                s.points().redeemed(), s.points().expired(), s.points().other()};
            int i = 1;
            for (long n : numbers) {
                ps.setLong(i++, n);
            }
            ps.setString(i++, s.billing().name());
            for (long n : new long[] {s.prepaidDrawn(), s.prepaidShortfall(), s.prepaidLeft(), s.topupPoints(), s.topupMinor(),
                s.issuePriceMinor(), s.redeemValueMinor(), s.owedMinor(), s.dueMinor(), s.netMinor()}) {
                ps.setLong(i++, n);
            }
            ps.setString(i++, s.currency());
            GiftFigures g = s.gifts();
            for (long n : new long[] {g.operatorGifts(), g.operatorGiftPoints(), g.operatorGiftCostMinor(), g.merchantGifts(),
                g.merchantGiftCostMinor()}) {
                ps.setLong(i++, n);
            }
            ps.setObject(i, closedAt);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO settlement_posting (id, period_id, party, "
                + "amount_minor) VALUES (?, ?, ?, ?)")) {
            post(ps, ids.nextId(), s.periodId(), party(s.merchant()), s.netMinor());
            post(ps, ids.nextId(), s.periodId(), OPERATOR, -s.netMinor());
            ps.executeBatch();
        }
    }

    private static void post(PreparedStatement ps, long id, long period, String party, long amount) throws SQLException {
        ps.setLong(1, id);
        ps.setLong(2, period);
        ps.setString(3, party);
        ps.setLong(4, amount);
        ps.addBatch();
    }

    static Optional<MerchantStatement> find(MerchantSql sql, long periodId) throws SQLException {
        try (PreparedStatement ps = sql.prepare("SELECT " + COLUMNS + " FROM settlement_statement WHERE merchant_id = :merchant "
                + "AND period_id = ?")) {
            ps.setLong(1, periodId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** The last chain position the merchant's statements covered (0 before its first). */
    static long lastCovered(MerchantSql sql) throws SQLException {
        try (PreparedStatement ps = sql.prepare("SELECT MAX(to_seq) FROM settlement_statement WHERE merchant_id = :merchant");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static List<MerchantStatement> acrossMerchants(Connection c, long periodId) throws SQLException {
        List<MerchantStatement> statements = new ArrayList<>();
        try (PreparedStatement ps = AcrossMerchants.on(c, ALL_STATEMENTS).prepare("SELECT " + COLUMNS
                + " FROM settlement_statement WHERE period_id = ? ORDER BY merchant_id")) {
            ps.setLong(1, periodId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    statements.add(map(rs));
                }
            }
        }
        return statements;
    }

    static List<StatementSeal.SignedRow> sealsAcrossMerchants(Connection c, long periodId) throws SQLException {
        List<StatementSeal.SignedRow> rows = new ArrayList<>();
        try (PreparedStatement ps = AcrossMerchants.on(c, ALL_STATEMENTS).prepare("SELECT merchant_id, from_seq, to_seq, "
                + "chain_hash, merkle_root, net_minor FROM settlement_statement WHERE period_id = ? ORDER BY merchant_id")) {
            ps.setLong(1, periodId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StatementSeal.SignedRow(rs.getLong(1), rs.getLong(2) + ".." + rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6)));
                }
            }
        }
        return rows;
    }

    /** The statement's signed text and its signature (base64), empty before the statement was sealed. */
    static Optional<String[]> signed(MerchantSql sql, long periodId) throws SQLException {
        try (PreparedStatement ps = sql.prepare("SELECT signed_text, signature FROM settlement_statement WHERE merchant_id = "
                + ":merchant AND period_id = ? AND signature IS NOT NULL")) {
            ps.setLong(1, periodId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
            }
        }
    }

    private static MerchantStatement map(ResultSet rs) throws SQLException {
        return new MerchantStatement(rs.getLong(1), new MerchantId(rs.getLong(2)), rs.getLong(3), rs.getLong(4),
                new PointsFigures(rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)),
                Billing.valueOf(rs.getString(10)), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14),
                rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getLong(18), rs.getLong(19), rs.getLong(20),
                rs.getString(21), new GiftFigures(rs.getLong(22), rs.getLong(23), rs.getLong(24), rs.getLong(25),
                rs.getLong(26)));
    }
}
