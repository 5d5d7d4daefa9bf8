package io.loyaltyhub.domain.report;

import io.loyaltyhub.domain.ledger.MerkleTree;
import io.loyaltyhub.domain.settlement.StatementEvidence;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The proof that one receipt ({@code txn}, its reference) is in a signed statement: a first row with the entry's line
 * and hash, one row per Merkle step (the sibling's hash, on the left or the right), and a last row with the root the
 * statement signed. No rows when no statement of the report's dates has the receipt.
 */
final class InclusionProofReport implements Report {
    @Override
    public String name() {
        return "inclusion-proof";
    }

    @Override
    public List<String> columns() {
        return List.of("period", "kind", "hash", "line");
    }

    @Override
    public Set<String> parameters() {
        return Set.of("txn");
    }

    @Override
    public Set<String> requiredParameters() {
        return Set.of("txn");
    }

    @Override
    public long write(ReportRun run) throws SQLException, IOException {
        String txn = run.request().parameters().get("txn");
        for (long[] statement : StatementEntriesReport.statements(run)) {
            Optional<StatementEvidence.InclusionProof> proof = StatementEvidence.proofAmong(
                    StatementEvidence.entriesOf(run.connection(), run.merchant(), statement[1], statement[2]), txn);
            if (proof.isPresent()) {
                long period = statement[0];
                run.out().row(period, "entry", proof.get().entry().hash(), proof.get().entry().line());
                for (MerkleTree.Step step : proof.get().steps()) {
                    run.out().row(period, step.side() == MerkleTree.Side.LEFT ? "left" : "right", step.sibling(), "");
                }
                run.out().row(period, "root", proof.get().merkleRoot(), "");
                return proof.get().steps().size() + 2L;
            }
        }
        return 0;
    }
}
