package io.loyaltyhub.domain.reward;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One merchant's own gifts (docs/rewards.md, "A merchant's own gifts"), for the merchant itself: added through the
 * operator's {@link RewardCatalogue} with the merchant as owner (the same checks and refusals), handed out at its own
 * tills only (sharing with other merchants stays the operator's decision), listed and ended. Every statement names the
 * merchant, so another merchant's gift is never read, changed or ended here: it is {@code reward-unknown}, as is a
 * code no reward has. The operator's rewards offered at the merchant's tills are listed apart, to be read only.
 */
public final class MerchantGifts {
    private static final String COLUMNS = "r.id, r.code, r.name, r.owner_merchant_id, r.price_points, r.stock_left, "
            + "r.valid_from, r.valid_until, r.all_merchants, r.cost_minor";

    private final Database database;
    private final RewardCatalogue catalogue;
    private final Clock clock;

    public MerchantGifts(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.catalogue = new RewardCatalogue(database, ids, clock);
        this.clock = clock;
    }

    /**
     * Adds a gift of the merchant's own, handed out at its tills. Refused as the operator's are ({@code invalid-reward}
     * naming the field, {@code reward-code-taken}), and {@code invalid-reward} when its last day has passed already.
     *
     * @param stock null for unlimited
     */
    public Reward add(MerchantId merchant, String code, String name, long pricePoints, Long stock, LocalDate validFrom,
                      LocalDate validUntil) {
        NewReward gift = new NewReward(code, name, require(merchant), pricePoints, stock, validFrom, validUntil, false, List.of());
        if (validUntil.isBefore(today())) {
            throw new RewardRefused(RewardRefusal.INVALID_REWARD, "validUntil " + validUntil + " has passed already");
        }
        catalogue.add(gift);
        return own(merchant).stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    /** The merchant's own gifts, by code (who else hands them out is the operator's business and is not shown). */
    public List<Reward> own(MerchantId merchant) {
        return database.inJdbcTransaction("listing a merchant's gifts", c -> read(MerchantSql.on(c, require(merchant)),
                "SELECT " + COLUMNS + " FROM reward r WHERE r.owner_merchant_id = :merchant ORDER BY r.code"));
    }

    /** The operator's rewards its tills hand out (offered at every merchant, or at this one): read only. */
    public List<Reward> fromOperator(MerchantId merchant) {
        return database.inJdbcTransaction("listing the operator's rewards at a merchant", c -> read(
                MerchantSql.on(c, require(merchant)), "SELECT " + COLUMNS + " FROM reward r WHERE r.owner_merchant_id IS NULL "
                        + "AND (r.all_merchants = 1 OR r.id IN (SELECT m.reward_id FROM reward_merchant m "
                        + "WHERE m.merchant_id = :merchant)) ORDER BY r.code"));
    }

    /**
     * Ends the merchant's own gift: its last day becomes yesterday (UTC), so from today on every till declines it as
     * {@code reward-expired}; redemptions already made stay. Refused with {@code reward-unknown} when the merchant has
     * no gift of its own under the code (another merchant's and the operator's included), {@code reward-expired} when it
     * has ended already.
     */
    public Reward end(MerchantId merchant, String code) {
        LocalDate today = today();
        database.inJdbcTransaction("ending gift " + code, c -> {
            MerchantSql sql = MerchantSql.on(c, require(merchant));
            try (PreparedStatement ps = sql.prepare("UPDATE reward SET valid_until = ? "
                    + "WHERE owner_merchant_id = :merchant AND code = ? AND valid_until >= ?")) {
                ps.setDate(1, RewardShelf.date(today.minusDays(1)));
                ps.setString(2, code);
                ps.setDate(3, RewardShelf.date(today));
                if (ps.executeUpdate() == 1) {
                    return null;
                }
            }
            if (ownGift(sql, code)) {
                throw new RewardRefused(RewardRefusal.REWARD_EXPIRED, "gift " + code + " has ended already");
            }
            throw new RewardRefused(RewardRefusal.REWARD_UNKNOWN, "the merchant has no gift of its own with code " + code);
        });
        return own(merchant).stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    private static boolean ownGift(MerchantSql sql, String code) throws SQLException {
        try (PreparedStatement ps = sql.prepare("SELECT 1 FROM reward WHERE owner_merchant_id = :merchant AND code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<Reward> read(MerchantSql sql, String select) throws SQLException {
        List<Reward> found = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(select); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(RewardShelf.read(rs, List.of()));
            }
        }
        return found;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static MerchantId require(MerchantId merchant) {
        if (merchant == null) {
            throw new IllegalArgumentException("a merchant is required");
        }
        return merchant;
    }
}
