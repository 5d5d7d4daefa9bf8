package io.loyaltyhub.domain.earn;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One merchant's campaigns as the merchant itself keeps them (docs/rewards.md, "A merchant's own gifts and
 * campaigns"): added through the operator's {@link Campaigns} under the same stacking rule and refusals, listed with
 * their store's code, and ended. Every statement names the merchant: another merchant's campaign is
 * {@code unknown-campaign} here, as is a code it does not have.
 */
public final class MerchantCampaigns {
    /** A campaign with the code of its store (null: every store of the merchant). */
    public record Listed(Campaign campaign, String storeCode) {
    }

    private final Database database;
    private final Campaigns campaigns;
    private final CampaignEnding ending;
    private final Clock clock;

    public MerchantCampaigns(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.campaigns = new Campaigns(database, ids, clock);
        this.ending = new CampaignEnding(database, clock);
        this.clock = clock;
    }

    /**
     * Adds the merchant's campaign at one of its stores ({@code storeCode}) or all (null). Refused as the operator's
     * are ({@code invalid-multiplier}, {@code invalid-bonus}, {@code invalid-period}, {@code invalid-campaign},
     * {@code campaign-overlap}, {@code campaign-code-taken}, {@code unknown-store}), and {@code invalid-period} when
     * its period is over already.
     */
    public Campaign add(MerchantId merchant, Campaign campaign, String storeCode) {
        StoreId store = storeCode == null ? null : campaigns.storeOf(merchant, storeCode);
        Campaign atStore = new Campaign(campaign.code(), campaign.multiplierPercent(), campaign.bonusPoints(),
                campaign.startsAt(), campaign.endsAt(), store, campaign.category(), campaign.sku());
        if (!atStore.endsAt().isAfter(now())) {
            throw new EarnRuleRefused("invalid-period", "the campaign's period is over already");
        }
        return campaigns.add(merchant, atStore);
    }

    public List<Listed> list(MerchantId merchant) {
        return database.inJdbcTransaction("listing a merchant's campaigns", c -> {
            Map<Long, String> stores = new HashMap<>();
            try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare(
                    "SELECT id, code FROM store WHERE merchant_id = :merchant");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stores.put(rs.getLong(1), rs.getString(2));
                }
            }
            List<Listed> listed = new ArrayList<>();
            for (Campaign campaign : Campaigns.of(c, merchant)) {
                listed.add(new Listed(campaign, campaign.store() == null ? null : stores.get(campaign.store().value())));
            }
            return listed;
        });
    }

    /**
     * Ends the merchant's campaign as the operator's console does ({@link CampaignEnding}): a running one ends now, one
     * that has not started is withdrawn; refused with {@code unknown-campaign}, {@code campaign-already-ended} or
     * {@code campaign-has-credits}.
     */
    public CampaignEnding.Outcome end(MerchantId merchant, String code) {
        return ending.end(merchant, code);
    }

    private LocalDateTime now() {
        return database.now(clock);
    }
}
