package io.loyaltyhub.domain.settlement;

import io.loyaltyhub.domain.persistence.CoalitionSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operator's figures of a period, recorded once at its close in the caller's transaction (docs/settlement.md):
 * the liability as the ledger stood at the period's end (what was booked before it), valued at each issuer's price
 * then, with the breakage expected of it; and the gifts the operator mailed and sent in the period, with their cost.
 * The row in settlement_operator_period marks the figures written: a rerun of the close finds it and writes nothing.
 */
final class PeriodLiability {
    private PeriodLiability() {
    }

    /** @return false when the period's figures were recorded already */
    static boolean record(Connection c, SettlementPeriod period, LocalDateTime now) throws SQLException {
        if (basis(c, period.id()).isPresent()) {
            return false;
        }
        ProgrammeTerms programme = SettlementTerms.programme(c).orElseThrow(SettlementTerms::noProgramme);
        LiabilityStatement s = LiabilityStatement.of(period.id(), period.end(), Liability.figures(c, period.end()),
                issuer -> Liability.issuePrice(c, programme, issuer), 0, 0, programme.currency());
        long[] mailed = takeMailedGifts(c, period);
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO settlement_liability (period_id, issuer_id, "
                + "outstanding_points, value_minor) VALUES (?, ?, ?, ?)")) {
            for (LiabilityStatement.Outstanding o : s.outstanding()) {
                ps.setLong(1, period.id());
                ps.setLong(2, o.issuer());
                ps.setLong(3, o.points());
                ps.setLong(4, o.valueMinor());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO settlement_liability_expiry (period_id, issuer_id, "
                + "expiry_month, expiring_points, expected_breakage) VALUES (?, ?, ?, ?, ?)")) {
            for (LiabilityStatement.Expiring e : s.expiring()) {
                ps.setLong(1, period.id());
                ps.setLong(2, e.issuer());
                ps.setString(3, e.month().toString());
                ps.setLong(4, e.points());
                ps.setLong(5, e.expectedBreakage());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO settlement_operator_period (period_id, "
                + "expired_so_far, redeemed_so_far, mailed_gifts, mailed_gift_cost_minor, currency, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, period.id());
            ps.setLong(2, s.expiredSoFar());
            ps.setLong(3, s.redeemedSoFar());
            ps.setLong(4, mailed[0]);
            ps.setLong(5, mailed[1]);
            ps.setString(6, s.currency());
            ps.setObject(7, now);
            ps.executeUpdate();
        }
        return true;
    }

    /**
     * The mailed gifts sent (fulfilled) before the period's end and counted in no period yet, now counted in this one:
     * {count, cost}. A gift sent after a close is counted in the next period.
     */
    private static long[] takeMailedGifts(Connection c, SettlementPeriod period) throws SQLException {
        List<long[]> sent = new ArrayList<>();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT d.id, d.cost_minor FROM reward_redemption d "
                + "WHERE d.channel = 'MAIL' AND d.status = 'FULFILLED' AND d.updated_at < ? AND NOT EXISTS "
                + "(SELECT 1 FROM settlement_mailed_gift g WHERE g.redemption_id = d.id)")) {
            ps.setObject(1, period.end());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sent.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO settlement_mailed_gift (redemption_id, period_id, "
                + "cost_minor) VALUES (?, ?, ?)")) {
            for (long[] gift : sent) {
                ps.setLong(1, gift[0]);
                ps.setLong(2, period.id());
                ps.setLong(3, gift[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT COUNT(*), COALESCE(SUM(cost_minor), 0) FROM "
                + "settlement_mailed_gift WHERE period_id = ?")) {
            ps.setLong(1, period.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** The period's recorded figures; refused when it is not closed or its close recorded none. */
    static LiabilityStatement read(Connection c, long periodId) throws SQLException {
        SettlementPeriod period = SettlementStatements.closed(c, periodId);
        Basis basis = basis(c, periodId).orElseThrow(() -> new SettlementRefused("no-liability", period
                + " was closed before the hub recorded liability at a close"));
        List<LiabilityStatement.Outstanding> outstanding = new ArrayList<>();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT issuer_id, outstanding_points, value_minor FROM "
                + "settlement_liability WHERE period_id = ? ORDER BY issuer_id")) {
            ps.setLong(1, periodId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    outstanding.add(new LiabilityStatement.Outstanding(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        List<LiabilityStatement.Expiring> expiring = new ArrayList<>();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT issuer_id, expiry_month, expiring_points, "
                + "expected_breakage FROM settlement_liability_expiry WHERE period_id = ? ORDER BY issuer_id, expiry_month")) {
            ps.setLong(1, periodId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    expiring.add(new LiabilityStatement.Expiring(rs.getLong(1), YearMonth.parse(rs.getString(2)),
                            rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return new LiabilityStatement(periodId, period.end(), outstanding, expiring, basis.expiredSoFar, basis.redeemedSoFar,
                basis.mailedGifts, basis.mailedGiftCostMinor, basis.currency);
    }

    private record Basis(long expiredSoFar, long redeemedSoFar, long mailedGifts, long mailedGiftCostMinor, String currency) {
    }

    /** The period's breakage basis and mailed gifts, if its figures were recorded. */
    private static Optional<Basis> basis(Connection c, long periodId) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT expired_so_far, redeemed_so_far, mailed_gifts, "
                + "mailed_gift_cost_minor, currency FROM settlement_operator_period WHERE period_id = ?")) {
            ps.setLong(1, periodId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Basis(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(5))) : Optional.empty();
            }
        }
    }
}
