package io.loyaltyhub.domain.report;

import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a merchant's query parameters into a {@link ReportRequest}, or rejects them with a stable code. A store
 * code is looked up among this merchant's stores only: another merchant's store is "unknown-store", exactly like
 * a code that does not exist.
 */
final class ReportRequests {
    static final Set<String> COMMON = Set.of("from", "to", "format", "gzip");
    private static final String STORE_BY_CODE = ReportSql.load("store-by-code");

    private final Database database;

    ReportRequests(Database database) {
        this.database = database;
    }

    ReportRequest parse(MerchantPrincipal who, Report report, Map<String, String> params, LocalDate today) {
        for (String key : params.keySet()) {
            if (!COMMON.contains(key) && !report.parameters().contains(key)) {
                throw bad("unknown-parameter", "report " + report.name() + " takes no parameter '" + key + "'");
            }
        }
        ReportPeriod period = ReportPeriod.parse(params.get("from"), params.get("to"), today);
        ReportFormat format = ReportFormat.parse(params.get("format"));
        String gzip = params.get("gzip");
        if (gzip != null && !gzip.equals("true") && !gzip.equals("false")) {
            throw bad("bad-gzip", "gzip must be true or false");
        }
        Map<String, String> canonical = new TreeMap<>();
        canonical.put("from", period.from().toString());
        canonical.put("to", period.to().toString());
        Long storeId = null;
        if (params.containsKey("store")) {
            String code = params.get("store");
            storeId = findStore(who, code).orElseThrow(() -> new ReportRejected(ReportRejected.Kind.NOT_FOUND,
                    "unknown-store", "no store with this code"));
            canonical.put("store", code);
        }
        for (String required : report.requiredParameters()) {
            String value = params.get(required);
            if (value == null || value.isBlank() || value.length() > 64) {
                throw bad("missing-parameter", "report " + report.name() + " needs the parameter '" + required
                        + "' (at most 64 characters)");
            }
            canonical.put(required, value);
        }
        int days = 0;
        int minVisits = 0;
        if (report.parameters().contains("days")) {
            days = integer(params, "days", 90, 1, ReportPeriod.MAX_DAYS);
            minVisits = integer(params, "min-visits", 2, 1, 1_000_000);
            canonical.put("days", Integer.toString(days));
            canonical.put("min-visits", Integer.toString(minVisits));
        }
        return new ReportRequest(who, report.name(), period, storeId, days, minVisits, format, canonical);
    }

    private Optional<Long> findStore(MerchantPrincipal who, String code) {
        if (code == null || code.isEmpty() || code.length() > 32) {
            return Optional.empty();
        }
        try (Connection c = database.connection(); PreparedStatement ps = MerchantSql.on(c, who.merchant()).prepare(STORE_BY_CODE)) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                Optional<Long> found = rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                c.rollback();
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("store look-up failed: " + e.getMessage(), e);
        }
    }

    private static int integer(Map<String, String> params, String name, int fallback, int min, int max) {
        String value = params.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw bad("bad-" + name, name + " must be a whole number from " + min + " to " + max);
    }

    private static ReportRejected bad(String code, String detail) {
        return new ReportRejected(ReportRejected.Kind.BAD_PARAMETER, code, detail);
    }
}
