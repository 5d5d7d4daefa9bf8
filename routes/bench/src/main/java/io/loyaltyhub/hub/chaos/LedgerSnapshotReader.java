package io.loyaltyhub.hub.chaos;

import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a {@link LedgerSnapshot} of one merchant from the hub's database (the embedded one with the hub stopped,
 * or the database server), opened the way the operator commands open it. Tables: {@code purchase},
 * {@code ledger_entry}, {@code member_account}, {@code card} (loyalty-domain's Flyway migrations). Every statement
 * on a merchant's rows is bound to the merchant; the suite's coalition has this one merchant, so its ledger is
 * every account's whole ledger.
 */
final class LedgerSnapshotReader {
    private final DatabaseConfig config;
    private final String merchantCode;

    LedgerSnapshotReader(DatabaseConfig config, String merchantCode) {
        this.config = config;
        this.merchantCode = merchantCode;
    }

    LedgerSnapshot read() throws SQLException {
        try (Database database = Database.open(config);
             Connection c = database.connection()) {
            long merchant = merchantId(c);
            LedgerSnapshot snapshot = new LedgerSnapshot(purchases(c, merchant), ledgerByPurchase(c, merchant),
                    accounts(c, merchant), accountOfCard(c));
            c.commit();
            return snapshot;
        }
    }

    private long merchantId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM merchant WHERE code = ?")) {
            ps.setString(1, merchantCode);
            try (ResultSet rows = ps.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no merchant " + merchantCode + " in the database");
                }
                return rows.getLong(1);
            }
        }
    }

    private static Map<PurchaseKey, LedgerSnapshot.StoredPurchase> purchases(Connection c, long merchant) throws SQLException {
        Map<PurchaseKey, LedgerSnapshot.StoredPurchase> purchases = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.id, t.code, p.txn_ref, p.kind, p.result, p.points, p.card_id,"
                + " p.account_id, p.recorded_at FROM purchase p JOIN terminal t ON t.merchant_id = p.merchant_id"
                + " AND t.id = p.terminal_id WHERE p.merchant_id = ?")) {
            ps.setLong(1, merchant);
            try (ResultSet rows = ps.executeQuery()) {
                while (rows.next()) {
                    Timestamp recorded = rows.getTimestamp(9);
                    purchases.put(new PurchaseKey(rows.getString(2), rows.getString(3), rows.getString(4)),
                            new LedgerSnapshot.StoredPurchase(rows.getLong(1), rows.getString(5), rows.getLong(6),
                                    (Long) rows.getObject(7, Long.class), (Long) rows.getObject(8, Long.class),
                                    recorded.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli()));
                }
            }
        }
        return purchases;
    }

    private static Map<Long, LedgerSnapshot.LedgerTotal> ledgerByPurchase(Connection c, long merchant) throws SQLException {
        Map<Long, LedgerSnapshot.LedgerTotal> totals = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT purchase_id, COUNT(*), SUM(points) FROM ledger_entry"
                + " WHERE merchant_id = ? GROUP BY purchase_id")) {
            ps.setLong(1, merchant);
            try (ResultSet rows = ps.executeQuery()) {
                while (rows.next()) {
                    totals.put(rows.getLong(1), new LedgerSnapshot.LedgerTotal(rows.getInt(2), rows.getLong(3)));
                }
            }
        }
        return totals;
    }

    private static Map<Long, LedgerSnapshot.AccountTotal> accounts(Connection c, long merchant) throws SQLException {
        Map<Long, Long> ledger = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT account_id, SUM(points) FROM ledger_entry"
                + " WHERE merchant_id = ? GROUP BY account_id")) {
            ps.setLong(1, merchant);
            try (ResultSet rows = ps.executeQuery()) {
                while (rows.next()) {
                    ledger.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        Map<Long, LedgerSnapshot.AccountTotal> accounts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, balance FROM member_account");
             ResultSet rows = ps.executeQuery()) {
            while (rows.next()) {
                accounts.put(rows.getLong(1), new LedgerSnapshot.AccountTotal(rows.getLong(2), ledger.getOrDefault(rows.getLong(1), 0L)));
            }
        }
        return accounts;
    }

    private static Map<Long, Long> accountOfCard(Connection c) throws SQLException {
        Map<Long, Long> accounts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, account_id FROM card");
             ResultSet rows = ps.executeQuery()) {
            while (rows.next()) {
                accounts.put(rows.getLong(1), rows.getLong(2));
            }
        }
        return accounts;
    }
}
