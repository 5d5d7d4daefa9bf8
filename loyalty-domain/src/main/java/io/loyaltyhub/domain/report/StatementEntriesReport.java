package io.loyaltyhub.domain.report;

import io.loyaltyhub.domain.settlement.StatementEvidence;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The entries behind the merchant's statements of the closed periods that ended in the report's dates: per entry its
 * chain position, the receipt's reference, the line its chain hash is taken over and that hash. A merchant checks
 * each hash with sha256sum and the statement's Merkle root over them (docs/settlement.md).
 */
final class StatementEntriesReport implements Report {
    @Override
    public String name() {
        return "statement-entries";
    }

    @Override
    public List<String> columns() {
        return List.of("period", "position", "txn_ref", "line", "hash");
    }

    @Override
    public Set<String> parameters() {
        return Set.of();
    }

    @Override
    public long write(ReportRun run) throws SQLException, IOException {
        long rows = 0;
        for (long[] statement : statements(run)) {
            for (StatementEvidence.Entry e : StatementEvidence.entriesOf(run.connection(), run.merchant(), statement[1],
                    statement[2])) {
                run.out().row(statement[0], e.position(), e.txnRef(), e.line(), e.hash());
                rows++;
            }
        }
        return rows;
    }

    /** {period, from position, to position} of each statement in range. */
    static List<long[]> statements(ReportRun run) throws SQLException {
        List<long[]> statements = new ArrayList<>();
        try (PreparedStatement ps = run.prepare("SELECT s.period_id, s.from_seq, s.to_seq "
                + StatementsReport.CLOSED_IN_RANGE + "ORDER BY per.ends_at")) {
            run.bindPeriod(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    statements.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        return statements;
    }
}
