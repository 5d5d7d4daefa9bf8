package io.loyaltyhub.domain.admin;

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

/**
 * The messages the engine refused because their reference was already used with other content
 * ({@code reference-reused}), next to the transaction that holds the reference, for the operator
 * ({@code reference-conflicts}): each is a customer whose purchase was not credited, to be sent again under a
 * new reference. Only last four digits of cards, never more.
 */
public final class ReferenceConflicts {
    private final Database database;

    public ReferenceConflicts(Database database) {
        this.database = database;
    }

    /** One refused message, and what the reference's first transaction was. */
    public record Conflict(LocalDateTime seenAt, String terminalCode, String txnRef, String type, String channel,
                           String last4, long amountMinor, String currency,
                           String firstLast4, long firstAmountMinor, String firstCurrency, String firstResult,
                           LocalDateTime firstRecordedAt) {
    }

    /** The merchant's conflicts, newest first, at most {@code limit}. */
    public List<Conflict> of(MerchantId merchant, int limit) {
        try (Connection c = database.connection();
             PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT rc.seen_at, t.code, rc.txn_ref, rc.kind, rc.channel, "
                     + "rc.last4, rc.amount_minor, rc.currency, p.last4, p.amount_minor, p.currency, p.result, p.recorded_at "
                     + "FROM reference_conflict rc "
                     + "JOIN terminal t ON t.merchant_id = rc.merchant_id AND t.id = rc.terminal_id "
                     + "JOIN purchase p ON p.merchant_id = rc.merchant_id AND p.id = rc.first_purchase_id "
                     + "WHERE rc.merchant_id = :merchant ORDER BY rc.seen_at DESC, rc.id DESC")) {
            ps.setMaxRows(limit);
            List<Conflict> conflicts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    conflicts.add(new Conflict(rs.getObject(1, LocalDateTime.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8),
                            rs.getString(9), rs.getLong(10), rs.getString(11), rs.getString(12),
                            rs.getObject(13, LocalDateTime.class)));
                }
            }
            c.rollback();
            return conflicts;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read reference conflicts: " + e.getMessage(), e);
        }
    }
}
