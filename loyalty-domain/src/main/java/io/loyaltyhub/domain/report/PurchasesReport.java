package io.loyaltyhub.domain.report;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** One line per transaction presented at this merchant's terminals in the period (optionally one store), oldest first. */
final class PurchasesReport implements Report {
    private static final String SQL = ReportSql.load("purchases");

    @Override
    public String name() {
        return "purchases";
    }

    @Override
    public List<String> columns() {
        return List.of("occurred_at", "store", "terminal", "type", "result", "amount", "currency", "points", "customer");
    }

    @Override
    public Set<String> parameters() {
        return Set.of("store");
    }

    @Override
    public long write(ReportRun run) throws SQLException, IOException {
        long rows = 0;
        MerchantCodes stores = MerchantCodes.stores(run);
        MerchantCodes terminals = MerchantCodes.terminals(run);
        try (PreparedStatement ps = run.streamingInPeriodAndStore(SQL)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long account = rs.getLong(10);
                    String customer = rs.wasNull() ? null : run.pseudonyms().of(account);
                    run.out().row(Cells.local(rs.getTimestamp(1).toLocalDateTime(), rs.getInt(2)),
                            stores.of(rs.getLong(3)), terminals.of(rs.getLong(4)), rs.getString(5), Cells.resultCode(rs.getString(6)),
                            rs.getLong(7), rs.getString(8), rs.getLong(9), customer);
                    rows++;
                }
            }
        }
        return rows;
    }
}
