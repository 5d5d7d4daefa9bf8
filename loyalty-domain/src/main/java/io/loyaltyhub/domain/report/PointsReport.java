package io.loyaltyhub.domain.report;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Points moved at this merchant per UTC day: issued by sales, reversed by refunds, voids and reversals, redeemed,
 * restored (a voided refund or redemption gives points back), expired (lots earned here, docs/expiry.md), and the net. Balances are coalition data and are
 * never shown here.
 */
final class PointsReport implements Report {
    private static final String SQL = ReportSql.load("points");

    @Override
    public String name() {
        return "points";
    }

    @Override
    public List<String> columns() {
        return List.of("day", "issued", "reversed", "redeemed", "restored", "expired", "net");
    }

    @Override
    public Set<String> parameters() {
        return Set.of();
    }

    @Override
    public long write(ReportRun run) throws SQLException, IOException {
        long rows = 0;
        try (PreparedStatement ps = run.streaming(SQL)) {
            run.bindPeriod(ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    run.out().row(rs.getDate(1).toLocalDate().toString(), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7));
                    rows++;
                }
            }
        }
        return rows;
    }
}
