package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.Points;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.persistence.AcrossMerchants;
import io.loyaltyhub.domain.persistence.MerchantSql;
import io.loyaltyhub.domain.persistence.Sql;
import io.loyaltyhub.domain.txn.LineItem;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionKey;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The purchase table, as the engine reads and writes it. Reads and updates are one merchant's ({@link MerchantSql});
 * the batch's inserts write several merchants' rows in one statement, each row's merchant taken from its own
 * validated transaction, through the named escape.
 */
final class PurchaseJournal {
    /** Why the engine's batch inserts go {@link AcrossMerchants}. */
    static final String ENGINE_BATCH = "engine batch: one insert for the whole batch, each row carrying the merchant "
            + "of its own authenticated transaction";

    /**
     * Whether "txn_ref IN (...)" after equalities on merchant and terminal walks the unique key. MySQL's range
     * optimizer does; H2 uses only the equality prefix and scans the terminal's history, so on H2 (in-process,
     * no round trips) each reference is looked up on its own.
     */
    private final boolean inListUsesIndex;

    PurchaseJournal(boolean inListUsesIndex) {
        this.inListUsesIndex = inListUsesIndex;
    }

    private static final String COLUMNS = "id, terminal_id, txn_ref, kind, result, account_id, amount_minor, currency, "
            + "points, balance_after, last4, original_id, points_reversed, amount_refunded, voided, card_id, content_digest";
    /** How balance_after says "answered without a balance" (an unknown card): rows with an account may hold any balance. */
    private static final long STORED_NO_BALANCE = -1;

    /**
     * The answers already given to any of these keys (all of one merchant). One query per terminal, each an
     * equality on merchant and terminal plus an IN list of references, so every database walks the unique key.
     */
    Map<TransactionKey, StoredPurchase> findAnswered(Connection c, MerchantId merchant, Collection<TransactionKey> keys)
            throws SQLException {
        Map<TerminalId, Set<TxnRef>> refsByTerminal = new HashMap<>();
        keys.forEach(k -> refsByTerminal.computeIfAbsent(k.terminalId(), t -> new HashSet<>()).add(k.txnRef()));
        Set<TransactionKey> wanted = Set.copyOf(keys);
        Map<TransactionKey, StoredPurchase> found = new HashMap<>();
        for (Map.Entry<TerminalId, Set<TxnRef>> e : refsByTerminal.entrySet()) {
            for (StoredPurchase p : select(c, merchant, e.getKey(), e.getValue(), "")) {
                TransactionKey key = p.keyAt(merchant);
                if (wanted.contains(key)) {
                    found.put(key, p);
                }
            }
        }
        return found;
    }

    /** Candidate originals (sales, redemptions, refunds) named by these references at this terminal, locked for this batch. */
    List<StoredPurchase> lockOriginals(Connection c, MerchantId merchant, TerminalId terminalId, Set<TxnRef> refs)
            throws SQLException {
        return select(c, merchant, terminalId, refs, " AND kind IN ('SALE', 'REDEEM', 'REFUND') ORDER BY id FOR UPDATE");
    }

    private List<StoredPurchase> select(Connection c, MerchantId merchant, TerminalId terminalId, Set<TxnRef> refs, String tail)
            throws SQLException {
        if (inListUsesIndex || refs.size() == 1) {
            return selectIn(c, merchant, terminalId, refs, tail);
        }
        List<StoredPurchase> rows = new ArrayList<>();
        for (TxnRef ref : refs) {
            rows.addAll(selectIn(c, merchant, terminalId, Set.of(ref), tail));
        }
        return rows;
    }

    private List<StoredPurchase> selectIn(Connection c, MerchantId merchant, TerminalId terminalId, Set<TxnRef> refs,
                                          String tail) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM purchase WHERE merchant_id = :merchant AND terminal_id = ? AND txn_ref IN ("
                + Sql.placeholders(refs.size()) + ")" + tail;
        List<StoredPurchase> rows = new ArrayList<>();
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare(sql)) {
            int i = 1;
            ps.setLong(i++, terminalId.value());
            for (TxnRef r : refs) {
                ps.setString(i++, r.value());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
        }
        return rows;
    }

    Optional<StoredPurchase> lockById(Connection c, MerchantId merchant, long id) throws SQLException {
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare(
                "SELECT " + COLUMNS + " FROM purchase WHERE merchant_id = :merchant AND id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    void insert(Connection c, List<NewPurchase> purchases, LongSupplier lineIds) throws SQLException {
        if (purchases.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = AcrossMerchants.on(c, ENGINE_BATCH).prepare("INSERT INTO purchase (id, merchant_id, store_id, terminal_id, "
                + "txn_ref, kind, channel, card_id, account_id, last4, amount_minor, currency, occurred_at, "
                + "occurred_offset, recorded_at, result, points, balance_after, original_id, points_reversed, "
                + "amount_refunded, voided, content_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)")) {
            for (NewPurchase p : purchases) {
                PosTransaction t = p.txn();
                ps.setLong(1, p.id());
                ps.setLong(2, t.merchantId().value());
                ps.setLong(3, t.storeId().value());
                ps.setLong(4, t.terminalId().value());
                ps.setString(5, t.txnRef().value());
                ps.setString(6, t.type().name());
                ps.setString(7, t.channel().name());
                setNullableLong(ps, 8, p.cardId());
                setNullableLong(ps, 9, p.accountId());
                ps.setString(10, t.card().token().last4());
                ps.setLong(11, t.amount().minorUnits());
                ps.setString(12, t.amount().currency().getCurrencyCode());
                ps.setObject(13, t.occurredAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
                ps.setInt(14, t.occurredAt().getOffset().getTotalSeconds() / 60);
                ps.setObject(15, p.recordedAt());
                ps.setString(16, p.result().name());
                ps.setLong(17, p.points().value());
                ps.setLong(18, p.balanceAfter() == TransactionOutcome.NO_BALANCE ? STORED_NO_BALANCE : p.balanceAfter());
                setNullableLong(ps, 19, p.originalId());
                ps.setString(20, p.contentDigest());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        insertLines(c, purchases, lineIds);
    }

    private static void insertLines(Connection c, List<NewPurchase> purchases, LongSupplier lineIds) throws SQLException {
        if (purchases.stream().allMatch(p -> p.txn().lineItems().isEmpty())) {
            return;
        }
        try (PreparedStatement ps = AcrossMerchants.on(c, ENGINE_BATCH).prepare("INSERT INTO purchase_line (id, merchant_id, purchase_id, sku, "
                + "category, quantity, amount_minor) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (NewPurchase p : purchases) {
                for (LineItem line : p.txn().lineItems()) {
                    ps.setLong(1, lineIds.getAsLong());
                    ps.setLong(2, p.txn().merchantId().value());
                    ps.setLong(3, p.id());
                    ps.setString(4, line.sku());
                    ps.setString(5, line.category());
                    ps.setInt(6, line.quantity());
                    ps.setLong(7, line.amountMinorUnits());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Writes back the running totals of originals that refunds or voids in this batch changed. */
    void updateTotals(Connection c, MerchantId merchant, Collection<StoredPurchase> originals) throws SQLException {
        List<StoredPurchase> changed = originals.stream().filter(StoredPurchase::hasChanged).toList();
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("UPDATE purchase SET points_reversed = ?, "
                + "amount_refunded = ?, voided = ? WHERE merchant_id = :merchant AND id = ?")) {
            for (StoredPurchase o : changed) {
                ps.setLong(1, o.pointsReversed().value());
                ps.setLong(2, o.amountRefunded().minorUnits());
                ps.setInt(3, o.isVoided() ? 1 : 0);
                ps.setLong(4, o.id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static StoredPurchase read(ResultSet rs) throws SQLException {
        Long account = nullableLong(rs, 6);
        Long original = nullableLong(rs, 12);
        Long card = nullableLong(rs, 16);
        long balanceAfter = rs.getLong(10);
        if (account == null && balanceAfter == STORED_NO_BALANCE) {
            balanceAfter = TransactionOutcome.NO_BALANCE;
        }
        Money amount = Money.of(rs.getLong(7), rs.getString(8));
        return new StoredPurchase(rs.getLong(1), new TerminalId(rs.getLong(2)), new TxnRef(rs.getString(3)),
                TransactionType.valueOf(rs.getString(4)),
                ResultCode.valueOf(rs.getString(5)), card, account, amount, Points.of(rs.getLong(9)), balanceAfter,
                rs.getString(11), original, rs.getString(17), Points.of(rs.getLong(13)),
                new Money(rs.getLong(14), amount.currency()), rs.getInt(15) != 0);
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
