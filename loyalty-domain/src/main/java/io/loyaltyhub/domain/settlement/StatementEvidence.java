package io.loyaltyhub.domain.settlement;

import io.loyaltyhub.domain.ledger.ChainedEntry;
import io.loyaltyhub.domain.ledger.MerkleTree;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a merchant checks its signed statement against (docs/settlement.md): the statement's signed text, the
 * period's entries as the lines their chain hashes are taken over, and the inclusion proof of one of its receipts.
 * Every method reads one merchant's rows of a closed period only.
 */
public final class StatementEvidence {
    private final Database database;

    public StatementEvidence(Database database) {
        this.database = database;
    }

    /** The line the hub signed for the statement, and the signature (base64). */
    public record Signed(String text, String signatureBase64) {
    }

    /** One entry of the period: its chain position, the receipt's reference, the hashed line and its hash (a leaf). */
    public record Entry(long position, String txnRef, String line, String hash) {
    }

    /** A receipt's entry, the Merkle steps from it to the statement's root, and that root. */
    public record InclusionProof(Entry entry, List<MerkleTree.Step> steps, String merkleRoot) {
    }

    public Signed signed(MerchantId merchant, long periodId) {
        MerchantStatement s = new SettlementStatements(database).forMerchant(merchant, periodId);
        return database.inJdbcTransaction("signed statement of merchant " + merchant, c ->
                StatementStore.signed(MerchantSql.on(c, merchant), s.periodId()).map(r -> new Signed(r[0], r[1]))
                        .orElseThrow(() -> new SettlementRefused("no-statement", "the statement was closed unsigned")));
    }

    public List<Entry> entries(MerchantId merchant, long periodId) {
        MerchantStatement s = new SettlementStatements(database).forMerchant(merchant, periodId);
        return database.inJdbcTransaction("statement entries of merchant " + merchant,
                c -> entriesOf(c, merchant, s.fromPosition(), s.toPosition()));
    }

    /** The entries at the merchant's chain positions after {@code from} up to {@code to}, in the caller's transaction. */
    public static List<Entry> entriesOf(Connection c, MerchantId merchant, long from, long to) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT k.chain_seq, k.prev_hash, k.entry_hash, "
                + "e.id, e.purchase_id, e.entry_type, e.points, e.created_at, p.txn_ref FROM ledger_chain_link k "
                + "JOIN ledger_entry e ON e.id = k.entry_id AND e.merchant_id = k.merchant_id "
                + "LEFT JOIN purchase p ON p.id = e.purchase_id AND p.merchant_id = k.merchant_id "
                + "WHERE k.merchant_id = :merchant AND k.chain_seq > ? AND k.chain_seq <= ? ORDER BY k.chain_seq")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ChainedEntry e = new ChainedEntry(rs.getLong(4), merchant, rs.getLong(5), rs.getString(6),
                            rs.getLong(7), rs.getObject(8, LocalDateTime.class));
                    entries.add(new Entry(rs.getLong(1), rs.getString(9), e.canonicalAt(rs.getLong(1), rs.getString(2)),
                            rs.getString(3)));
                }
            }
        }
        return entries;
    }

    /** The inclusion proof of the receipt's first entry among these (a statement's), if it has one. */
    public static Optional<InclusionProof> proofAmong(List<Entry> entries, String txnRef) {
        for (int i = 0; i < entries.size(); i++) {
            if (txnRef.equals(entries.get(i).txnRef())) {
                MerkleTree tree = new MerkleTree(entries.stream().map(Entry::hash).toList());
                return Optional.of(new InclusionProof(entries.get(i), tree.proof(i), tree.root()));
            }
        }
        return Optional.empty();
    }

    /**
     * The proof that the receipt with this reference is in the statement: of its first entry in the period (a sale's
     * credit, say). Refused with {@code receipt-not-in-statement} when the period has no entry of that reference.
     */
    public InclusionProof inclusionProof(MerchantId merchant, long periodId, String txnRef) {
        return proofAmong(entries(merchant, periodId), txnRef).orElseThrow(() -> new SettlementRefused(
                "receipt-not-in-statement", "no entry of receipt " + txnRef + " is in the statement of period " + periodId));
    }
}
