package io.loyaltyhub.domain.report;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Streams a merchant's customers of the period, best spenders first, scored. The database groups purchases by
 * account and ranks the groups (window functions, on MariaDB 10.2+, MySQL 8 and H2 2.x alike); the hub turns
 * ranks into quintile scores row by row, so no customer list is ever held in memory.
 */
final class CustomerAggregates {
    private static final String SQL = ReportSql.load("customer-aggregates");

    interface Visitor {
        void visit(CustomerAggregate customer) throws IOException;
    }

    private CustomerAggregates() {
    }

    static void forEach(ReportRun run, Visitor visitor) throws SQLException, IOException {
        try (PreparedStatement ps = run.streaming(SQL)) {
            run.bindPeriod(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long customers = rs.getLong(10);
                    visitor.visit(new CustomerAggregate(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime(),
                            rs.getTimestamp(3).toLocalDateTime(), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            Rfm.score(rs.getLong(7), customers), Rfm.score(rs.getLong(8), customers),
                            Rfm.score(rs.getLong(9), customers), customers));
                }
            }
        }
    }
}
