package io.loyaltyhub.domain.earn;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
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
import java.util.List;

/**
 * A merchant's campaigns (docs/rewards.md, "Campaigns"): added, never changed, and refused when the stacking rule
 * forbids them (a second multiplier for the same store, category and SKU in an overlapping period).
 */
public final class Campaigns {
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;

    public Campaigns(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
    }

    public Campaign add(MerchantId merchant, Campaign campaign) {
        long id = ids.nextId();
        return database.inJdbcTransaction("adding campaign " + campaign.code(), c -> {
            for (Campaign existing : of(c, merchant)) {
                if (existing.code().equals(campaign.code())) {
                    throw new EarnRuleRefused("campaign-code-taken", "the merchant has a campaign " + campaign.code());
                }
                if (existing.clashesWith(campaign)) {
                    throw new EarnRuleRefused("campaign-overlap", "campaign " + existing.code() + " already multiplies the "
                            + "same sales from " + existing.startsAt() + " to " + existing.endsAt()
                            + ": multipliers do not stack (docs/rewards.md)");
                }
            }
            try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("INSERT INTO campaign (id, merchant_id, code, "
                    + "multiplier_percent, bonus_points, starts_at, ends_at, store_id, category, sku, created_at) "
                    + "VALUES (?, :merchant, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, campaign.code());
                ps.setObject(3, campaign.multiplierPercent());
                ps.setObject(4, campaign.bonusPoints());
                ps.setObject(5, campaign.startsAt());
                ps.setObject(6, campaign.endsAt());
                ps.setObject(7, campaign.store() == null ? null : campaign.store().value());
                ps.setString(8, campaign.category());
                ps.setString(9, campaign.sku());
                ps.setObject(10, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return campaign;
        });
    }

    /** The merchant's store with this code, for a campaign at one store. */
    public StoreId storeOf(MerchantId merchant, String code) {
        return database.inJdbcTransaction("finding store " + code, c -> {
            try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare(
                    "SELECT id FROM store WHERE merchant_id = :merchant AND code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new EarnRuleRefused("unknown-store", "the merchant has no store " + code);
                    }
                    return new StoreId(rs.getLong(1));
                }
            }
        });
    }

    public List<Campaign> list(MerchantId merchant) {
        return database.inJdbcTransaction("listing campaigns", c -> of(c, merchant));
    }

    /** The merchant's campaigns, in the caller's transaction (the engine reads them once per batch). */
    public static List<Campaign> of(Connection c, MerchantId merchant) throws SQLException {
        List<Campaign> found = new ArrayList<>();
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT code, multiplier_percent, bonus_points, "
                + "starts_at, ends_at, store_id, category, sku FROM campaign WHERE merchant_id = :merchant ORDER BY starts_at, code");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long store = rs.getLong(6);
                StoreId storeId = rs.wasNull() ? null : new StoreId(store);
                found.add(new Campaign(rs.getString(1), rs.getObject(2) == null ? null : rs.getLong(2),
                        rs.getObject(3) == null ? null : rs.getLong(3), rs.getObject(4, LocalDateTime.class),
                        rs.getObject(5, LocalDateTime.class), storeId, rs.getString(7), rs.getString(8)));
            }
        }
        return found;
    }
}
