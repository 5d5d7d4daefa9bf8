package io.loyaltyhub.domain.reward;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.AcrossMerchants;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's rewards catalogue (docs/rewards.md): the operator's gifts and each merchant's own, added and listed
 * here; tills and the operator redeem them ({@link RewardShelf}, {@link MailedRedemptions}).
 */
public final class RewardCatalogue {
    /** Why the catalogue's list goes across merchants. */
    static final String CATALOGUE = "operator's catalogue: which merchants hand out each reward";

    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;

    public RewardCatalogue(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
    }

    /** Adds the reward; refused with {@link RewardRefusal#REWARD_CODE_TAKEN} when its code is used already. */
    public Reward add(NewReward reward) {
        long id = ids.nextId();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        database.inJdbcTransaction("adding reward " + reward.code(), c -> {
            if (new RewardShelf(c).find(reward.code()) != null) {
                throw new RewardRefused(RewardRefusal.REWARD_CODE_TAKEN, "a reward with code " + reward.code() + " exists");
            }
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO reward (id, code, name, owner_merchant_id, "
                    + "price_points, stock_left, valid_from, valid_until, all_merchants, created_at, cost_minor) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, reward.code());
                ps.setString(3, reward.name());
                ps.setObject(4, reward.owner() == null ? null : reward.owner().value());
                ps.setLong(5, reward.pricePoints());
                ps.setObject(6, reward.stock());
                ps.setDate(7, RewardShelf.date(reward.validFrom()));
                ps.setDate(8, RewardShelf.date(reward.validUntil()));
                ps.setInt(9, reward.allMerchants() ? 1 : 0);
                ps.setObject(10, now);
                ps.setLong(11, reward.costMinor());
                ps.executeUpdate();
            }
            for (MerchantId merchant : reward.offeredAt().stream().distinct().toList()) {
                if (merchant.equals(reward.owner())) {
                    continue;
                }
                try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare(
                        "INSERT INTO reward_merchant (merchant_id, reward_id) VALUES (:merchant, ?)")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            return null;
        });
        return find(reward.code());
    }

    /**
     * Sets what one gift of the reward costs from now on (docs/settlement.md): redemptions made before keep the cost
     * they were recorded with. Refused with {@link RewardRefusal#REWARD_UNKNOWN}, or {@link RewardRefusal#INVALID_REWARD}
     * for a cost out of range.
     */
    public Reward setCost(String code, long costMinor) {
        if (costMinor < 0 || costMinor > NewReward.MAX_COST) {
            throw new RewardRefused(RewardRefusal.INVALID_REWARD, "costMinor must be between 0 and " + NewReward.MAX_COST);
        }
        int updated = database.inJdbcTransaction("setting the cost of reward " + code, c -> {
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("UPDATE reward SET cost_minor = ? WHERE code = ?")) {
                ps.setLong(1, costMinor);
                ps.setString(2, code);
                return ps.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new RewardRefused(RewardRefusal.REWARD_UNKNOWN, "no reward has code " + code);
        }
        return find(code);
    }

    /** The reward under this code, with the merchants listed as handing it out; refused when there is none. */
    public Reward find(String code) {
        return list().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow(
                () -> new RewardRefused(RewardRefusal.REWARD_UNKNOWN, "no reward has code " + code));
    }

    /** Every reward, by code, with the merchants listed as handing it out. */
    public List<Reward> list() {
        return database.inJdbcTransaction("listing the rewards", c -> {
            Map<Long, List<MerchantId>> offered = offeredAt(c);
            List<Reward> rewards = new ArrayList<>();
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT " + RewardShelf.COLUMNS + " FROM reward ORDER BY code");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rewards.add(RewardShelf.read(rs, offered.getOrDefault(rs.getLong(1), List.of())));
                }
            }
            return rewards;
        });
    }

    private static Map<Long, List<MerchantId>> offeredAt(Connection c) throws SQLException {
        Map<Long, List<MerchantId>> offered = new HashMap<>();
        try (PreparedStatement ps = AcrossMerchants.on(c, CATALOGUE).prepare(
                "SELECT reward_id, merchant_id FROM reward_merchant ORDER BY reward_id, merchant_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                offered.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new MerchantId(rs.getLong(2)));
            }
        }
        return offered;
    }

    /** How many of each reward were redeemed and not cancelled, by status: for the operator's listing. */
    public Map<String, Long> redeemedByStatus(String code) {
        return database.inJdbcTransaction("counting redemptions of " + code, c -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT d.status, COUNT(*) FROM reward_redemption d "
                    + "JOIN reward r ON r.id = d.reward_id WHERE r.code = ? GROUP BY d.status ORDER BY d.status")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return counts;
        });
    }
}
