package io.loyaltyhub.domain.reward;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The catalogue's statements inside the caller's transaction: the engine's batch (a till's redemption, and its void or
 * reversal) and the operator's redemptions share them. Stock is taken by one conditional update, so concurrent
 * redemptions on any number of hub nodes queue on the reward's row and never hand out more than there is.
 */
public final class RewardShelf {
    /** Where a redemption came from: a till's REDEEM, or the operator (a gift sent by mail). */
    public static final String TILL = "TILL";
    public static final String MAIL = "MAIL";

    /** The reward's columns as {@link #read} takes them. */
    static final String COLUMNS = "id, code, name, owner_merchant_id, price_points, stock_left, valid_from, valid_until, "
            + "all_merchants, cost_minor";

    private final Connection c;

    public RewardShelf(Connection c) {
        this.c = c;
    }

    /** The reward under this code, with {@code offeredAt} left empty; null when there is none. */
    public Reward find(String code) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT " + COLUMNS + " FROM reward WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs, List.of()) : null;
            }
        }
    }

    static Reward read(ResultSet rs, List<MerchantId> offeredAt) throws SQLException {
        long owner = rs.getLong(4);
        MerchantId ownerId = rs.wasNull() ? null : new MerchantId(owner);
        long stock = rs.getLong(6);
        Long stockLeft = rs.wasNull() ? null : stock;
        return new Reward(rs.getLong(1), rs.getString(2), rs.getString(3), ownerId, rs.getLong(5), stockLeft,
                rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate(), rs.getInt(9) != 0, offeredAt, rs.getLong(10));
    }

    /** Whether this merchant's tills hand the reward out: asked about this merchant only. */
    public boolean offeredBy(Reward reward, MerchantId merchant) throws SQLException {
        if (reward.offeredBy(merchant)) {
            return true;
        }
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare(
                "SELECT 1 FROM reward_merchant WHERE merchant_id = :merchant AND reward_id = ?")) {
            ps.setLong(1, reward.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Takes one from the reward's stock, when there is one left (an unlimited reward always has): one conditional
     * update, which holds the reward's row until the caller's transaction ends. @return false when none is left
     */
    public boolean takeOne(long rewardId) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("UPDATE reward SET stock_left = stock_left - 1 "
                + "WHERE id = ? AND (stock_left IS NULL OR stock_left > 0)")) {
            ps.setLong(1, rewardId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Puts one back into a limited stock (a cancelled redemption); an unlimited reward stays unlimited. */
    public void giveBackOne(long rewardId) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                "UPDATE reward SET stock_left = stock_left + 1 WHERE id = ? AND stock_left IS NOT NULL")) {
            ps.setLong(1, rewardId);
            ps.executeUpdate();
        }
    }

    /** A new redemption, as the caller decided it. */
    public record NewRedemption(long id, long rewardId, long accountId, Long cardId, MerchantId merchant, Long purchaseId,
                                long points, String status, String channel, String actor, LocalDateTime at) {
    }

    /** Records the redemption with the reward's cost as it is now (what settles it, and its cancellation). */
    public void record(NewRedemption r) throws SQLException {
        long cost;
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT cost_minor FROM reward WHERE id = ?")) {
            ps.setLong(1, r.rewardId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no reward " + r.rewardId() + " to record a redemption of");
                }
                cost = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO reward_redemption (id, reward_id, account_id, "
                + "card_id, merchant_id, purchase_id, points, status, channel, actor, created_at, updated_at, cost_minor) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, r.id());
            ps.setLong(2, r.rewardId());
            ps.setLong(3, r.accountId());
            ps.setObject(4, r.cardId());
            ps.setObject(5, r.merchant() == null ? null : r.merchant().value());
            ps.setObject(6, r.purchaseId());
            ps.setLong(7, r.points());
            ps.setString(8, r.status());
            ps.setString(9, r.channel());
            ps.setString(10, r.actor());
            ps.setObject(11, r.at());
            ps.setObject(12, r.at());
            ps.setLong(13, cost);
            ps.executeUpdate();
        }
    }

    /**
     * A till's redemption whose REDEEM was voided or reversed: cancelled, and its gift back in stock (the engine gives
     * the points back with the void's own ledger entry). Nothing happens for a REDEEM of points, which has no redemption.
     */
    public void cancelTillRedemption(MerchantId merchant, long purchaseId, LocalDateTime now) throws SQLException {
        Long rewardId = null;
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT reward_id FROM reward_redemption "
                + "WHERE merchant_id = :merchant AND purchase_id = ? AND status <> 'CANCELLED' FOR UPDATE")) {
            ps.setLong(1, purchaseId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    rewardId = rs.getLong(1);
                }
            }
        }
        if (rewardId == null) {
            return;
        }
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("UPDATE reward_redemption SET status = 'CANCELLED', "
                + "updated_at = ? WHERE merchant_id = :merchant AND purchase_id = ?")) {
            ps.setObject(1, now);
            ps.setLong(2, purchaseId);
            ps.executeUpdate();
        }
        giveBackOne(rewardId);
    }

    static Date date(java.time.LocalDate day) {
        return Date.valueOf(day);
    }
}
