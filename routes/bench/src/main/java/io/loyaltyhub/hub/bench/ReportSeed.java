package io.loyaltyhub.hub.bench;

import io.loyaltyhub.domain.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Random;

/**
 * Seeds a benchmark merchant's purchase history straight into the purchase table with JDBC batches (rewritten to
 * multi-row inserts on MySQL), bypassing the engine: the report benchmark measures reading, not crediting.
 * Account ids are plain numbers (the purchase table has no foreign key to accounts).
 */
final class ReportSeed {
    private static final int BATCH = 2_000;
    private static final int COMMIT_EVERY = 10_000;
    private static final long YEAR_SECONDS = 365L * 24 * 3600;

    private ReportSeed() {
    }

    static void purchases(Database database, long merchantId, long[] storeIds, long[] terminalIds, int purchases,
                          int customers, LocalDateTime end) throws Exception {
        Random random = new Random(42);
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO purchase "
                + "(id, merchant_id, store_id, terminal_id, txn_ref, kind, channel, card_id, account_id, last4, "
                + "amount_minor, currency, occurred_at, occurred_offset, recorded_at, result, points, balance_after, "
                + "original_id, points_reversed, amount_refunded, voided) "
                + "VALUES (?, ?, ?, ?, ?, 'SALE', 'HTTP_JSON', NULL, ?, '0000', ?, 'EUR', ?, 0, ?, 'APPROVED', ?, 0, NULL, 0, 0, 0)")) {
            for (int i = 0; i < purchases; i++) {
                int store = random.nextInt(storeIds.length);
                long cents = 100 + random.nextInt(20_000);
                // Times rise with the row number (as they do when tills send them), so every index is appended to
                // in order: a random time per row made H2 and InnoDB split pages all over the report index.
                Timestamp at = Timestamp.valueOf(end.minusSeconds(YEAR_SECONDS - YEAR_SECONDS * i / purchases));
                ps.setLong(1, i + 1L);
                ps.setLong(2, merchantId);
                ps.setLong(3, storeIds[store]);
                ps.setLong(4, terminalIds[store]);
                ps.setString(5, "bench-" + i);
                ps.setLong(6, 1 + random.nextInt(customers));
                ps.setLong(7, cents);
                ps.setTimestamp(8, at);
                ps.setTimestamp(9, at);
                ps.setLong(10, cents / 100);
                ps.addBatch();
                if ((i + 1) % BATCH == 0) {
                    ps.executeBatch();
                }
                if ((i + 1) % COMMIT_EVERY == 0) {
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }
}
