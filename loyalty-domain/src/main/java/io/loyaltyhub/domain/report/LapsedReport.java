package io.loyaltyhub.domain.report;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;

/**
 * The win-back list: customers who bought here at least {@code min-visits} times in the period but not in the
 * last {@code days} days of it (their last purchase is more than {@code days} days before the period's last day).
 */
final class LapsedReport implements Report {
    private static final String SQL = ReportSql.load("lapsed");

    @Override
    public String name() {
        return "lapsed";
    }

    @Override
    public List<String> columns() {
        return List.of("customer", "first_purchase", "last_purchase", "days_since_last", "visits", "spend", "points",
                "name", "email", "phone");
    }

    @Override
    public Set<String> parameters() {
        return Set.of("days", "min-visits");
    }

    @Override
    public long write(ReportRun run) throws SQLException, IOException {
        ReportRequest request = run.request();
        ContactBatch batch = new ContactBatch(run);
        long rows = 0;
        try (PreparedStatement ps = run.streaming(SQL)) {
            run.bindPeriod(ps);
            ps.setLong(3, request.minVisits());
            ps.setTimestamp(4, Timestamp.valueOf(request.period().lastDay().minusDays(request.days()).atStartOfDay()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CustomerAggregate c = new CustomerAggregate(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime(),
                            rs.getTimestamp(3).toLocalDateTime(), rs.getLong(4), rs.getLong(5), rs.getLong(6), 0, 0, 0, 0);
                    batch.add(c.accountId(), run.pseudonyms().of(c.accountId()), Cells.utc(c.firstAt()),
                            Cells.utc(c.lastAt()), c.daysSinceLast(request.period().lastDay()), c.visits(), c.spend(),
                            c.points());
                    rows++;
                }
            }
        }
        batch.flush();
        return rows;
    }
}
