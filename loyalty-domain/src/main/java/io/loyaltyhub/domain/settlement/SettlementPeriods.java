package io.loyaltyhub.domain.settlement;

import io.loyaltyhub.domain.persistence.CoalitionSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The settlement_period rows, read and moved through OPEN, CLOSING and CLOSED in the caller's transaction. */
final class SettlementPeriods {
    private static final String COLUMNS = "id, period_kind, starts_at, ends_at, status";

    private SettlementPeriods() {
    }

    /** The period entries land in now (OPEN or CLOSING), locked. */
    static Optional<SettlementPeriod> lockUnclosed(Connection c) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM settlement_period WHERE status <> 'CLOSED' ORDER BY id FOR UPDATE", null);
    }

    /** The period, locked: two closes finishing it at once take turns (one signs the checkpoint, one finds it). */
    static Optional<SettlementPeriod> lockById(Connection c, long id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM settlement_period WHERE id = ? FOR UPDATE", id);
    }

    static Optional<SettlementPeriod> byId(Connection c, long id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM settlement_period WHERE id = ?", id);
    }

    static List<SettlementPeriod> all(Connection c) throws SQLException {
        List<SettlementPeriod> periods = new ArrayList<>();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT " + COLUMNS + " FROM settlement_period ORDER BY starts_at, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                periods.add(map(rs));
            }
        }
        return periods;
    }

    private static Optional<SettlementPeriod> one(Connection c, String sql, Long id) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare(sql)) {
            if (id != null) {
                ps.setLong(1, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static SettlementPeriod map(ResultSet rs) throws SQLException {
        return new SettlementPeriod(rs.getLong(1), PeriodKind.valueOf(rs.getString(2)), rs.getObject(3, LocalDateTime.class),
                rs.getObject(4, LocalDateTime.class), SettlementPeriod.Status.valueOf(rs.getString(5)));
    }

    /**
     * The first period, opened when the programme's terms are first set: it starts at the start of today (or of this
     * month) and also takes every entry made before it.
     */
    static SettlementPeriod openFirst(Connection c, long id, PeriodKind kind, LocalDateTime now) throws SQLException {
        LocalDateTime today = now.toLocalDate().atStartOfDay();
        return open(c, id, kind, kind == PeriodKind.DAILY ? today : today.withDayOfMonth(1));
    }

    static SettlementPeriod open(Connection c, long id, PeriodKind kind, LocalDateTime startsAt) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO settlement_period (id, period_kind, starts_at, "
                + "ends_at, status, closed_at) VALUES (?, ?, ?, NULL, 'OPEN', NULL)")) {
            ps.setLong(1, id);
            ps.setString(2, kind.name());
            ps.setObject(3, startsAt);
            ps.executeUpdate();
        }
        return new SettlementPeriod(id, kind, startsAt, null, SettlementPeriod.Status.OPEN);
    }

    static SettlementPeriod markClosing(Connection c, SettlementPeriod period, LocalDateTime end) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("UPDATE settlement_period SET status = 'CLOSING', ends_at = ? "
                + "WHERE id = ? AND status = 'OPEN'")) {
            ps.setObject(1, end);
            ps.setLong(2, period.id());
            ps.executeUpdate();
        }
        return new SettlementPeriod(period.id(), period.kind(), period.startsAt(), end, SettlementPeriod.Status.CLOSING);
    }

    /** @return whether this call closed it (false: another close already had) */
    static boolean markClosed(Connection c, SettlementPeriod period, LocalDateTime closedAt) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("UPDATE settlement_period SET status = 'CLOSED', closed_at = ? "
                + "WHERE id = ? AND status = 'CLOSING'")) {
            ps.setObject(1, closedAt);
            ps.setLong(2, period.id());
            return ps.executeUpdate() == 1;
        }
    }
}
