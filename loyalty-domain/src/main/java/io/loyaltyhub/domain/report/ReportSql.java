package io.loyaltyhub.domain.report;

import io.loyaltyhub.domain.persistence.MerchantSql;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * Report SQL lives in {@code src/main/resources/reports/*.sql}, each binding its merchant with {@code :merchant},
 * and runs as forward-only, read-only statements that stream rows instead of loading the result.
 */
final class ReportSql {
    /** Rows per round trip on H2 and for cursor fetches. */
    private static final int FETCH_SIZE = 1000;

    private ReportSql() {
    }

    static String load(String name) {
        try (InputStream in = ReportSql.class.getResourceAsStream("/reports/" + name + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("missing report SQL " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("--"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read report SQL " + name, e);
        }
    }

    /**
     * MySQL Connector/J streams a result row by row only for a forward-only, read-only statement with fetch size
     * {@code Integer.MIN_VALUE}; otherwise it reads the whole result into memory first. H2 honours the fetch size
     * once lazy query execution is on for the session (see {@link ReportConnection}).
     */
    static PreparedStatement streaming(MerchantSql merchant, String sql, boolean mySql) throws SQLException {
        PreparedStatement ps = merchant.prepareForwardOnly(sql);
        try {
            ps.setFetchSize(mySql ? Integer.MIN_VALUE : FETCH_SIZE);
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
        return ps;
    }
}
