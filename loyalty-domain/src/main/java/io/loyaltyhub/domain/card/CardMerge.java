package io.loyaltyhub.domain.card;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Repairs a card stored twice — under two card key versions, by a hub node that did not hold the newer key
 * while the cards were being re-keyed (releases before the coalition card key version existed). The card under
 * the newer version is kept; the other one's account is folded into it: its purchases and ledger entries are
 * attributed to the kept account (they were the same member's all along), its balance moves over, its personal
 * data follows where the kept account has none of that owner, and the duplicate card row is deleted. The
 * emptied account stays (balance 0, no entries) and the merge is recorded in {@code card_merge}.
 * Runs inside the caller's database transaction.
 */
final class CardMerge {
    private final IdGenerator ids;
    private final LocalDateTime now;

    CardMerge(IdGenerator ids, LocalDateTime now) {
        this.ids = ids;
        this.now = now;
    }

    record StoredCard(long cardId, long accountId) {
    }

    /** @return the points moved to the kept account */
    long merge(Connection c, StoredCard kept, StoredCard duplicate) throws SQLException {
        long moved = 0;
        if (kept.accountId() != duplicate.accountId()) {
            moved = lockedBalance(c, kept.accountId(), duplicate.accountId());
            for (MerchantId merchant : merchants(c)) {
                reattribute(c, "UPDATE purchase SET account_id = ?, card_id = ? WHERE merchant_id = :merchant "
                        + "AND account_id = ?", kept, duplicate, merchant, true);
                reattribute(c, "UPDATE ledger_entry SET account_id = ? WHERE merchant_id = :merchant AND account_id = ?",
                        kept, duplicate, merchant, false);
            }
            moveBalance(c, kept.accountId(), duplicate.accountId(), moved);
            movePersonalData(c, kept.accountId(), duplicate.accountId());
        }
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("DELETE FROM card WHERE id = ?")) {
            ps.setLong(1, duplicate.cardId());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO card_merge (id, kept_card_id, kept_account_id, "
                + "merged_card_id, merged_account_id, points_moved, merged_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, ids.nextId());
            ps.setLong(2, kept.cardId());
            ps.setLong(3, kept.accountId());
            ps.setLong(4, duplicate.cardId());
            ps.setLong(5, duplicate.accountId());
            ps.setLong(6, moved);
            ps.setObject(7, now);
            ps.executeUpdate();
        }
        return moved;
    }

    /** Locks both accounts in id order (as the engine does) and reads the duplicate's balance. */
    private static long lockedBalance(Connection c, long kept, long duplicate) throws SQLException {
        long balance = 0;
        try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                "SELECT id, balance FROM member_account WHERE id IN (?, ?) ORDER BY id FOR UPDATE")) {
            ps.setLong(1, Math.min(kept, duplicate));
            ps.setLong(2, Math.max(kept, duplicate));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(1) == duplicate) {
                        balance = rs.getLong(2);
                    }
                }
            }
        }
        return balance;
    }

    private static List<MerchantId> merchants(Connection c) throws SQLException {
        List<MerchantId> ids = new ArrayList<>();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id FROM merchant ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(new MerchantId(rs.getLong(1)));
            }
        }
        return ids;
    }

    private static void reattribute(Connection c, String sql, StoredCard kept, StoredCard duplicate, MerchantId merchant,
                                    boolean withCard) throws SQLException {
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare(sql)) {
            int i = 1;
            ps.setLong(i++, kept.accountId());
            if (withCard) {
                ps.setLong(i++, kept.cardId());
            }
            ps.setLong(i, duplicate.accountId());
            ps.executeUpdate();
        }
    }

    private static void moveBalance(Connection c, long kept, long duplicate, long points) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("UPDATE member_account SET balance = balance + ? WHERE id = ?")) {
            ps.setLong(1, points);
            ps.setLong(2, kept);
            ps.addBatch();
            ps.setLong(1, -points);
            ps.setLong(2, duplicate);
            ps.addBatch();
            ps.executeBatch();
        }
    }

    /** Personal data of an owner the kept account has none of moves over; where both have some, the kept account's stays. */
    private static void movePersonalData(Connection c, long kept, long duplicate) throws SQLException {
        Set<String> keptOwners = owners(c, kept);
        for (String owner : owners(c, duplicate)) {
            if (keptOwners.contains(owner)) {
                continue;
            }
            try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                    "UPDATE member_personal_data SET account_id = ? WHERE owner_ref = ? AND account_id = ?")) {
                ps.setLong(1, kept);
                ps.setString(2, owner);
                ps.setLong(3, duplicate);
                ps.executeUpdate();
            }
        }
    }

    private static Set<String> owners(Connection c, long account) throws SQLException {
        Set<String> owners = new HashSet<>();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT owner_ref FROM member_personal_data WHERE account_id = ?")) {
            ps.setLong(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    owners.add(rs.getString(1));
                }
            }
        }
        return owners;
    }
}
