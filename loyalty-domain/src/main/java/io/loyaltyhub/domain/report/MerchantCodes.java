package io.loyaltyhub.domain.report;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Store or terminal codes of one merchant by id, loaded once per report. Joining them in the report query made
 * MariaDB start from the store table and sort a million purchases; a merchant's few codes fit in a map.
 */
final class MerchantCodes {
    private static final String STORES = ReportSql.load("store-codes");
    private static final String TERMINALS = ReportSql.load("terminal-codes");

    private final Map<Long, String> codes;

    private MerchantCodes(Map<Long, String> codes) {
        this.codes = codes;
    }

    static MerchantCodes stores(ReportRun run) throws SQLException {
        return load(run, STORES);
    }

    static MerchantCodes terminals(ReportRun run) throws SQLException {
        return load(run, TERMINALS);
    }

    private static MerchantCodes load(ReportRun run, String sql) throws SQLException {
        Map<Long, String> codes = new HashMap<>();
        try (PreparedStatement ps = run.prepare(sql)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return new MerchantCodes(codes);
    }

    /** The code; an id not among this merchant's (cannot happen: purchases carry the merchant) shows as "?". */
    String of(long id) {
        return codes.getOrDefault(id, "?");
    }
}
