package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.persistence.AcrossMerchants;
import io.loyaltyhub.domain.txn.PosTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Keeps each message refused because its reference was already used with other content (a till that reused a
 * sequence number after a reset, say), so the operator can list them ({@code reference-conflicts}) and the
 * merchant can credit the customer under a new reference. Written in the batch's own database transaction.
 */
final class ConflictLog {

    /** One refused message and the transaction that holds its reference. */
    record Conflict(long id, PosTransaction refused, long firstPurchaseId, LocalDateTime seenAt) {
    }

    void append(Connection c, List<Conflict> conflicts) throws SQLException {
        if (conflicts.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = AcrossMerchants.on(c, PurchaseJournal.ENGINE_BATCH).prepare("INSERT INTO reference_conflict (id, merchant_id, terminal_id, "
                + "txn_ref, kind, channel, first_purchase_id, last4, amount_minor, currency, content_digest, seen_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Conflict conflict : conflicts) {
                PosTransaction t = conflict.refused();
                ps.setLong(1, conflict.id());
                ps.setLong(2, t.merchantId().value());
                ps.setLong(3, t.terminalId().value());
                ps.setString(4, t.txnRef().value());
                ps.setString(5, t.type().name());
                ps.setString(6, t.channel().name());
                ps.setLong(7, conflict.firstPurchaseId());
                ps.setString(8, t.card().token().last4());
                ps.setLong(9, t.amount().minorUnits());
                ps.setString(10, t.amount().currency().getCurrencyCode());
                ps.setString(11, t.contentDigest());
                ps.setObject(12, conflict.seenAt());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
