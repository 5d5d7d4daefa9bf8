package io.loyaltyhub.domain.ledger;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Appends ledger entries to their merchants' hash chains (docs/settlement.md), in the caller's transaction, right
 * after the entries' rows were inserted: the entries and their links commit or roll back together. Each merchant's
 * chain head is locked ({@code SELECT ... FOR UPDATE}) before its links are written, so concurrent batches on one
 * node or on several nodes sharing the database extend a chain one at a time; heads are locked in merchant order, so
 * two writers never wait on each other in a cycle.
 */
public final class LedgerChain {
    private static final String DUPLICATE_KEY_STATE = "23";

    private LedgerChain() {
    }

    /** Chains the entries, per merchant in the order given. */
    public static void append(Connection c, List<ChainedEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        Map<MerchantId, List<ChainedEntry>> byMerchant = new TreeMap<>(Comparator.comparingLong(MerchantId::value));
        for (ChainedEntry e : entries) {
            byMerchant.computeIfAbsent(e.merchant(), m -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<MerchantId, List<ChainedEntry>> chain : byMerchant.entrySet()) {
            appendToChain(c, chain.getKey(), chain.getValue());
        }
    }

    private static void appendToChain(Connection c, MerchantId merchant, List<ChainedEntry> entries) throws SQLException {
        MerchantSql sql = MerchantSql.on(c, merchant);
        ChainHead head = lockHead(sql);
        long position = head.lastPosition();
        String previous = head.lastHash();
        try (PreparedStatement ps = sql.prepare("INSERT INTO ledger_chain_link (merchant_id, chain_seq, entry_id, prev_hash, "
                + "entry_hash) VALUES (:merchant, ?, ?, ?, ?)")) {
            for (ChainedEntry e : entries) {
                position++;
                String hash = e.hashAt(position, previous);
                ps.setLong(1, position);
                ps.setLong(2, e.entryId());
                ps.setString(3, previous);
                ps.setString(4, hash);
                ps.addBatch();
                previous = hash;
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = sql.prepare("UPDATE ledger_chain_head SET last_seq = ?, last_hash = ? "
                + "WHERE merchant_id = :merchant")) {
            ps.setLong(1, position);
            ps.setString(2, previous);
            ps.executeUpdate();
        }
    }

    /**
     * The merchant's head, locked for this transaction. A merchant's first entry creates its head; when two writers
     * create it at once, the second one's insert fails on the key and it locks the row the first one made.
     */
    private static ChainHead lockHead(MerchantSql sql) throws SQLException {
        Optional<ChainHead> head = selectForUpdate(sql);
        if (head.isPresent()) {
            return head.get();
        }
        try (PreparedStatement ps = sql.prepare("INSERT INTO ledger_chain_head (merchant_id, last_seq, last_hash) "
                + "VALUES (:merchant, 0, ?)")) {
            ps.setString(1, ChainHash.GENESIS);
            ps.executeUpdate();
            return ChainHead.EMPTY;
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith(DUPLICATE_KEY_STATE)) {
                throw e;
            }
            return selectForUpdate(sql).orElseThrow(() -> e);
        }
    }

    private static Optional<ChainHead> selectForUpdate(MerchantSql sql) throws SQLException {
        try (PreparedStatement ps = sql.prepare("SELECT last_seq, last_hash FROM ledger_chain_head WHERE merchant_id = :merchant "
                + "FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new ChainHead(rs.getLong(1), rs.getString(2))) : Optional.empty();
        }
    }

    /**
     * Locks the merchant's chain head for the caller's transaction and returns its last position: no entry can be
     * appended to the chain until the caller commits (a period close cuts the chain there).
     */
    public static long lockLastPosition(Connection c, MerchantId merchant) throws SQLException {
        return lockHead(MerchantSql.on(c, merchant)).lastPosition();
    }

    /** The merchant's head as it is now, unlocked (for verification). */
    static Optional<ChainHead> head(MerchantSql sql) throws SQLException {
        try (PreparedStatement ps = sql.prepare("SELECT last_seq, last_hash FROM ledger_chain_head WHERE merchant_id = :merchant");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new ChainHead(rs.getLong(1), rs.getString(2))) : Optional.empty();
        }
    }
}
