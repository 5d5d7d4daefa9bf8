package io.loyaltyhub.domain.report;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * What this merchant's earn rules and rewards did in the period (docs/rewards.md): points issued per earn rule (its base
 * rate's versions, each campaign, each tier) and rewards redeemed at its tills, with how often and how many points. No
 * member appears in it.
 */
final class RewardsReport implements Report {
    private static final String SQL = ReportSql.load("rewards");

    @Override
    public String name() {
        return "rewards";
    }

    @Override
    public List<String> columns() {
        return List.of("kind", "name", "times", "points");
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
                    run.out().row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4));
                    rows++;
                }
            }
        }
        return rows;
    }
}
