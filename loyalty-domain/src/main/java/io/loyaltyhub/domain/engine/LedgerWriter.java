package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.ledger.LedgerChain;
import io.loyaltyhub.domain.persistence.AcrossMerchants;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Appends ledger entries, chained in the same transaction (LedgerChain); the ledger is never updated or deleted. */
final class LedgerWriter {

    void append(Connection c, List<NewLedgerEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = AcrossMerchants.on(c, PurchaseJournal.ENGINE_BATCH).prepare("INSERT INTO ledger_entry (id, account_id, merchant_id, "
                + "purchase_id, entry_type, points, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (NewLedgerEntry e : entries) {
                ps.setLong(1, e.id());
                ps.setLong(2, e.accountId());
                ps.setLong(3, e.merchantId().value());
                ps.setLong(4, e.purchaseId());
                ps.setString(5, e.entryType());
                ps.setLong(6, e.points().value());
                ps.setObject(7, e.createdAt());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        LedgerChain.append(c, entries.stream().map(NewLedgerEntry::chained).toList());
    }
}
