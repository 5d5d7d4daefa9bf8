package io.loyaltyhub.hub.bench;

import io.loyaltyhub.domain.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's limit for exactly the writes one swipe causes — a purchase row, a ledger row and a balance
 * update — as plain JDBC batches over several connections, each batch one committed transaction (so with the
 * server's durability settings: InnoDB flushes the log at every commit by default). No engine logic at all.
 */
final class JdbcLimit {
    private static final long MERCHANT = 9_000_000_001L;

    static double swipesPerSecond(Database db, int connections, int batch, Duration duration) throws Exception {
        int accounts = 10_000;
        prepare(db, accounts);
        AtomicLong ids = new AtomicLong(System.nanoTime());
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            Thread thread = new Thread(() -> {
                try (Connection c = db.connection()) {
                    while (System.nanoTime() < end) {
                        writeBatch(c, batch, accounts, ids);
                        done.addAndGet(batch);
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            threads.add(thread);
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static void prepare(Database db, int accounts) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM ledger_entry WHERE merchant_id = " + MERCHANT);
            s.executeUpdate("DELETE FROM purchase WHERE merchant_id = " + MERCHANT);
            s.executeUpdate("DELETE FROM merchant WHERE id = " + MERCHANT);
            s.executeUpdate("DELETE FROM member_account WHERE id BETWEEN 1 AND " + accounts);
            s.executeUpdate("INSERT INTO merchant (id, code, name, status, created_at) VALUES (" + MERCHANT
                    + ", 'bench-limit', 'bench', 'ACTIVE', CURRENT_TIMESTAMP)");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO member_account (id, balance, created_at) VALUES (?, 0, CURRENT_TIMESTAMP)")) {
                for (int i = 1; i <= accounts; i++) {
                    ps.setLong(1, i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    private static void writeBatch(Connection c, int batch, int accounts, AtomicLong ids) throws SQLException {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        long[] account = new long[batch];
        for (int i = 0; i < batch; i++) {
            account[i] = 1 + ThreadLocalRandom.current().nextInt(accounts);
        }
        java.util.Arrays.sort(account); // same lock order as the engine
        try (PreparedStatement purchase = c.prepareStatement("INSERT INTO purchase (id, merchant_id, store_id, terminal_id, "
                + "txn_ref, kind, channel, card_id, account_id, last4, amount_minor, currency, occurred_at, occurred_offset, "
                + "recorded_at, result, points, balance_after, original_id, points_reversed, amount_refunded, voided) "
                + "VALUES (?, ?, 1, 1, ?, 'SALE', 'HTTP_JSON', NULL, ?, '1234', 1999, 'EUR', ?, 0, ?, 'APPROVED', 19, 0, NULL, 0, 0, 0)");
             PreparedStatement ledger = c.prepareStatement("INSERT INTO ledger_entry (id, account_id, merchant_id, purchase_id, "
                     + "entry_type, points, created_at) VALUES (?, ?, ?, ?, 'EARN', 19, ?)");
             PreparedStatement balance = c.prepareStatement("UPDATE member_account SET balance = balance + 19 WHERE id = ?")) {
            for (int i = 0; i < batch; i++) {
                long id = ids.incrementAndGet();
                purchase.setLong(1, id);
                purchase.setLong(2, MERCHANT);
                purchase.setString(3, "L" + id);
                purchase.setLong(4, account[i]);
                purchase.setTimestamp(5, now);
                purchase.setTimestamp(6, now);
                purchase.addBatch();
                ledger.setLong(1, id);
                ledger.setLong(2, account[i]);
                ledger.setLong(3, MERCHANT);
                ledger.setLong(4, id);
                ledger.setTimestamp(5, now);
                ledger.addBatch();
                balance.setLong(1, account[i]);
                balance.addBatch();
            }
            purchase.executeBatch();
            ledger.executeBatch();
            balance.executeBatch();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    private JdbcLimit() {
    }
}
