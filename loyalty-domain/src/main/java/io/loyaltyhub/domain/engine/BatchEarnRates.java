package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.earn.Campaign;
import io.loyaltyhub.domain.earn.Campaigns;
import io.loyaltyhub.domain.earn.EarnCalculator;
import io.loyaltyhub.domain.earn.EarnPart;
import io.loyaltyhub.domain.earn.EarnRateVersion;
import io.loyaltyhub.domain.earn.Tier;
import io.loyaltyhub.domain.earn.Tiers;
import io.loyaltyhub.domain.model.Points;
import io.loyaltyhub.domain.txn.ResultCode;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import io.loyaltyhub.domain.earn.EarnRateVersions;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.txn.PosTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The earn rules of one engine batch, each read once: a merchant's base rates by currency, its rate versions (each
 * transaction earns at the rate in force when it happened) and its campaigns; the programme's tiers and each account's
 * (docs/rewards.md, "Earn rules").
 */
final class BatchEarnRates {
    private final Connection c;
    private final EarnRuleStore earnRules = new EarnRuleStore();
    private final Map<MerchantId, Map<String, EarnRate>> rates = new HashMap<>();
    private final Map<MerchantId, EarnRateVersions> versions = new HashMap<>();
    private final Map<MerchantId, List<Campaign>> campaigns = new HashMap<>();
    private final Map<Long, Optional<Tier>> tiers = new HashMap<>();
    private Boolean anyTier;

    BatchEarnRates(Connection c) {
        this.c = c;
    }

    /** The rate in force when the transaction happened; null when its merchant takes no such currency. */
    EarnRateVersion at(PosTransaction t) throws SQLException {
        Map<String, EarnRate> merchantRates = rates.get(t.merchantId());
        if (merchantRates == null) {
            merchantRates = earnRules.ratesOf(c, t.merchantId());
            rates.put(t.merchantId(), merchantRates);
        }
        EarnRateVersions merchantVersions = versions.get(t.merchantId());
        if (merchantVersions == null) {
            merchantVersions = EarnRateVersions.of(c, t.merchantId());
            versions.put(t.merchantId(), merchantVersions);
        }
        return merchantVersions.at(t.amount().currency().getCurrencyCode(), t.occurredAt(), merchantRates);
    }

    /** What a sale earns, and from which rules (base rate, campaigns, tier: {@link EarnCalculator}). */
    record EarnPlan(Decision decision, List<EarnPart> parts) {
    }

    /** @param account the card's account, null for a card with no account yet (no tier) */
    EarnPlan plan(PosTransaction t, Long account) throws SQLException {
        EarnRateVersion rate = at(t);
        if (rate == null) {
            return new EarnPlan(Decision.decline(ResultCode.CURRENCY_NOT_ACCEPTED), List.of());
        }
        List<Campaign> running = campaigns.get(t.merchantId());
        if (running == null) {
            running = Campaigns.of(c, t.merchantId());
            campaigns.put(t.merchantId(), running);
        }
        List<EarnPart> parts = EarnCalculator.parts(rate, t.amount().minorUnits(), t.lineItems(), t.storeId(),
                t.occurredAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(), running, tierOf(account));
        return new EarnPlan(Decision.approve(Points.of(EarnCalculator.total(parts))), parts);
    }

    private Tier tierOf(Long account) throws SQLException {
        if (account == null) {
            return null;
        }
        if (anyTier == null) {
            anyTier = Tiers.any(c);
        }
        if (!anyTier) {
            return null;
        }
        Optional<Tier> tier = tiers.get(account);
        if (tier == null) {
            tier = Optional.ofNullable(Tiers.of(c, account));
            tiers.put(account, tier);
        }
        return tier.orElse(null);
    }
}
