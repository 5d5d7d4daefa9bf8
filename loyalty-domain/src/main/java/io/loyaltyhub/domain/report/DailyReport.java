package io.loyaltyhub.domain.report;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** Per UTC day and store (stores in the order they were added): sales, spend, points and distinct customers. */
final class DailyReport implements Report {
    private static final String SQL = ReportSql.load("daily");

    @Override
    public String name() {
        return "daily";
    }

    @Override
    public List<String> columns() {
        return List.of("day", "store", "sales", "spend", "points", "customers");
    }

    @Override
    public Set<String> parameters() {
        return Set.of("store");
    }

    @Override
    public long write(ReportRun run) throws SQLException, IOException {
        long rows = 0;
        MerchantCodes stores = MerchantCodes.stores(run);
        try (PreparedStatement ps = run.streamingInPeriodAndStore(SQL)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    run.out().row(rs.getDate(1).toLocalDate().toString(), stores.of(rs.getLong(2)), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6));
                    rows++;
                }
            }
        }
        return rows;
    }
}
