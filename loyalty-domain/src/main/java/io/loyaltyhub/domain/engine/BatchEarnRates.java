package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.earn.EarnRateVersion;
import io.loyaltyhub.domain.earn.EarnRateVersions;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.txn.PosTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The earn rates of one engine batch, each merchant's read once: its base rates by currency, and its rate versions, so
 * that each transaction earns at the rate in force when it happened (docs/rewards.md, "Earn rates over time").
 */
final class BatchEarnRates {
    private final Connection c;
    private final EarnRuleStore earnRules = new EarnRuleStore();
    private final Map<MerchantId, Map<String, EarnRate>> rates = new HashMap<>();
    private final Map<MerchantId, EarnRateVersions> versions = new HashMap<>();

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
}
