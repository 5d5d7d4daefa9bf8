package io.loyaltyhub.domain.ledger;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Chains the entries written before the chain existed (migration V121): each merchant's entries in the order they
 * were written (time, then id), from position 1. The chain vouches for them from the upgrade on, not before: an
 * entry changed before the upgrade is chained as it was found (docs/settlement.md).
 */
public final class LedgerBackfill {
    private static final int CHUNK = 1_000;

    private LedgerBackfill() {
    }

    /** @return entries chained */
    public static long chainExistingEntries(Connection c) throws SQLException {
        long chained = 0;
        for (MerchantId merchant : merchants(c)) {
            chained += chainMerchant(c, merchant);
        }
        return chained;
    }

    private static List<MerchantId> merchants(Connection c) throws SQLException {
        List<MerchantId> merchants = new ArrayList<>();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id FROM merchant ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                merchants.add(new MerchantId(rs.getLong(1)));
            }
        }
        return merchants;
    }

    private static long chainMerchant(Connection c, MerchantId merchant) throws SQLException {
        long chained = 0;
        LocalDateTime afterTime = LocalDateTime.of(1000, 1, 1, 0, 0);
        long afterId = Long.MIN_VALUE;
        while (true) {
            List<ChainedEntry> chunk = new ArrayList<>();
            try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT id, purchase_id, entry_type, points, created_at "
                    + "FROM ledger_entry WHERE merchant_id = :merchant AND (created_at > ? OR (created_at = ? AND id > ?)) "
                    + "ORDER BY created_at, id LIMIT " + CHUNK)) {
                ps.setObject(1, afterTime);
                ps.setObject(2, afterTime);
                ps.setLong(3, afterId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        chunk.add(new ChainedEntry(rs.getLong(1), merchant, rs.getLong(2), rs.getString(3), rs.getLong(4),
                                rs.getObject(5, LocalDateTime.class)));
                    }
                }
            }
            if (chunk.isEmpty()) {
                return chained;
            }
            LedgerChain.append(c, chunk);
            chained += chunk.size();
            ChainedEntry last = chunk.get(chunk.size() - 1);
            afterTime = last.createdAt();
            afterId = last.entryId();
        }
    }
}
