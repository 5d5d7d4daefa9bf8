package io.loyaltyhub.domain.ledger;

import io.loyaltyhub.domain.ledger.ChainFault.Kind;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.AcrossMerchants;
import io.loyaltyhub.domain.persistence.CoalitionSql;
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
import java.util.TreeSet;

/**
 * Walks every merchant's chain and names what no longer matches it (docs/settlement.md): an edited entry, a deleted
 * entry or positions, an entry outside the chain, entries swapped between positions, an altered link or head. Reads
 * only; each merchant's chain is read in one transaction, so a batch committing meanwhile is seen whole or not at all.
 */
public final class LedgerVerification {
    private static final String WHOLE_LEDGER = "ledger verification: an entry filed under a merchant the hub does not "
            + "know must still be found";
    private static final int FETCH = 1_000;

    private final Database database;
    private final SignatureCheck signatures;

    /** Verification of the chains and of the chain hashes the signed statements hold, their signatures unchecked. */
    public LedgerVerification(Database database) {
        this(database, (text, signature) -> true);
    }

    public LedgerVerification(Database database, SignatureCheck signatures) {
        this.database = database;
        this.signatures = signatures;
    }

    public record Result(long entriesChecked, int chains, List<ChainFault> faults) {
        public boolean intact() {
            return faults.isEmpty();
        }
    }

    public Result verifyAll() {
        List<MerchantId> merchants = database.inJdbcTransaction("ledger verification", LedgerVerification::merchants);
        long checked = 0;
        List<ChainFault> faults = new ArrayList<>();
        for (MerchantId merchant : merchants) {
            ChainWalk walk = database.inJdbcTransaction("ledger verification of merchant " + merchant,
                    c -> verifyChain(MerchantSql.on(c, merchant), signatures));
            checked += walk.checked;
            faults.addAll(walk.faults);
        }
        return new Result(checked, merchants.size(), List.copyOf(faults));
    }

    /** The merchants with a chain or with entries: every merchant's chain, and entries filed under no known merchant. */
    private static List<MerchantId> merchants(Connection c) throws SQLException {
        TreeSet<Long> ids = new TreeSet<>();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id FROM merchant")) {
            collect(ps, ids);
        }
        try (PreparedStatement ps = AcrossMerchants.on(c, WHOLE_LEDGER).prepare("SELECT DISTINCT merchant_id FROM ledger_entry")) {
            collect(ps, ids);
        }
        try (PreparedStatement ps = AcrossMerchants.on(c, WHOLE_LEDGER).prepare("SELECT merchant_id FROM ledger_chain_head")) {
            collect(ps, ids);
        }
        return ids.stream().filter(id -> id > 0).map(MerchantId::new).toList();
    }

    private static void collect(PreparedStatement ps, TreeSet<Long> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.add(rs.getLong(1));
            }
        }
    }

    private static ChainWalk verifyChain(MerchantSql sql, SignatureCheck signatures) throws SQLException {
        ChainWalk walk = new ChainWalk(sql.merchant());
        try (PreparedStatement ps = sql.prepareForwardOnly("SELECT k.chain_seq, k.entry_id, k.prev_hash, k.entry_hash, e.id, "
                + "e.merchant_id, e.purchase_id, e.entry_type, e.points, e.created_at FROM ledger_chain_link k "
                + "LEFT JOIN ledger_entry e ON e.id = k.entry_id WHERE k.merchant_id = :merchant ORDER BY k.chain_seq")) {
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ChainedEntry entry = rs.getObject(5) == null ? null : new ChainedEntry(rs.getLong(5), sql.merchant(),
                            rs.getLong(7), rs.getString(8), rs.getLong(9), rs.getObject(10, LocalDateTime.class));
                    walk.link(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), entry, rs.getLong(6));
                }
            }
        }
        walk.head(LedgerChain.head(sql));
        try (PreparedStatement ps = sql.prepare("SELECT e.id FROM ledger_entry e WHERE e.merchant_id = :merchant AND NOT EXISTS "
                + "(SELECT 1 FROM ledger_chain_link k WHERE k.entry_id = e.id) ORDER BY e.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                walk.unchained(rs.getLong(1));
            }
        }
        walk.pairMismatches();
        checkSignedStatements(sql, signatures, walk);
        return walk;
    }

    /**
     * A closed period's signed statement holds the chain's hash at its last position: a chain rewritten with every later
     * hash recomputed still differs there, and the statement cannot be re-signed without the hub's key.
     */
    private static void checkSignedStatements(MerchantSql sql, SignatureCheck signatures, ChainWalk walk) throws SQLException {
        try (PreparedStatement ps = sql.prepare("SELECT s.period_id, s.to_seq, s.signed_text, s.signature, k.entry_hash "
                + "FROM settlement_statement s LEFT JOIN ledger_chain_link k ON k.merchant_id = s.merchant_id "
                + "AND k.chain_seq = s.to_seq WHERE s.merchant_id = :merchant AND s.signature IS NOT NULL ORDER BY s.to_seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long position = rs.getLong(2);
                String text = rs.getString(3);
                String chainNow = position == 0 ? ChainHash.GENESIS : rs.getString(5);
                if (!signatures.verifies(text, rs.getString(4))) {
                    walk.faults.add(new ChainFault(Kind.CHECKPOINT_MISMATCH, sql.merchant(), null, position,
                            "the signed statement of period " + rs.getLong(1) + " does not verify with the hub's key"));
                } else if (chainNow == null || !text.contains("|chain=" + chainNow + "|")) {
                    walk.faults.add(new ChainFault(Kind.CHECKPOINT_MISMATCH, sql.merchant(), null, position,
                            "the chain at this position no longer has the hash the signed statement of period "
                                    + rs.getLong(1) + " holds: the history before it was rewritten"));
                }
            }
        }
    }

    /** One chain's walk, in position order. */
    private static final class ChainWalk {
        private final MerchantId merchant;
        private final List<ChainFault> faults = new ArrayList<>();
        private final List<Mismatch> mismatches = new ArrayList<>();
        private long checked;
        private long expected = 1;
        private String previous = ChainHash.GENESIS;

        ChainWalk(MerchantId merchant) {
            this.merchant = merchant;
        }

        private record Mismatch(long position, String previousHash, String hash, ChainedEntry entry) {
        }

        void link(long position, long entryId, String previousHash, String hash, ChainedEntry entry, long storedMerchant) {
            boolean gap = position != expected;
            if (gap) {
                faults.add(new ChainFault(Kind.DELETED, merchant, null, expected, "positions " + expected + " to "
                        + (position - 1) + " are missing before entry " + entryId + " (entries and their links removed)"));
            } else if (!previousHash.equals(previous)) {
                faults.add(new ChainFault(Kind.LINK_ALTERED, merchant, entryId, position,
                        "the link's previous hash is not the hash of the link before it"));
            }
            if (entry == null) {
                faults.add(new ChainFault(Kind.DELETED, merchant, entryId, position, "the chained entry's row is gone"));
            } else if (storedMerchant != merchant.value()) {
                checked++;
                faults.add(new ChainFault(Kind.EDITED, merchant, entryId, position, "the entry was moved to merchant "
                        + storedMerchant));
            } else {
                checked++;
                if (!entry.hashAt(position, previousHash).equals(hash)) {
                    mismatches.add(new Mismatch(position, previousHash, hash, entry));
                }
            }
            previous = hash;
            expected = position + 1;
        }

        void head(Optional<ChainHead> head) {
            long last = expected - 1;
            if (head.isEmpty()) {
                if (last > 0) {
                    faults.add(new ChainFault(Kind.LINK_ALTERED, merchant, null, last, "the chain has links but no head"));
                }
                return;
            }
            long tip = head.get().lastPosition();
            if (tip > last) {
                faults.add(new ChainFault(Kind.DELETED, merchant, null, last + 1, "positions " + (last + 1) + " to " + tip
                        + " are missing at the end of the chain (entries and their links removed)"));
            } else if (tip < last) {
                faults.add(new ChainFault(Kind.INSERTED, merchant, null, tip + 1, "positions " + (tip + 1) + " to " + last
                        + " lie past the chain's head"));
            } else if (!head.get().lastHash().equals(previous)) {
                faults.add(new ChainFault(Kind.LINK_ALTERED, merchant, null, tip, "the head's hash is not the last link's"));
            }
        }

        void unchained(long entryId) {
            faults.add(new ChainFault(Kind.INSERTED, merchant, entryId, 0, "the entry is in no chain (written outside the hub)"));
        }

        /** A mismatching entry whose content hashes right at another mismatching position was moved there. */
        void pairMismatches() {
            for (Mismatch m : mismatches) {
                Optional<Mismatch> home = mismatches.stream().filter(o -> o != m
                        && m.entry().hashAt(o.position(), o.previousHash()).equals(o.hash())).findFirst();
                if (home.isPresent()) {
                    faults.add(new ChainFault(Kind.REORDERED, merchant, m.entry().entryId(), m.position(),
                            "the entry was chained at position " + home.get().position()));
                } else {
                    faults.add(new ChainFault(Kind.EDITED, merchant, m.entry().entryId(), m.position(),
                            "the entry's content no longer matches its link's hash"));
                }
            }
        }
    }
}
