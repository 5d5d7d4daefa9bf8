package io.loyaltyhub.domain.earn;

/**
 * A tier of the programme (docs/rewards.md, "Tiers"): members who spent at least {@code minSpendMinor} (in
 * {@code currency}) across the coalition over the trailing 12 months earn {@code multiplierPercent} of the base points.
 */
public record Tier(String code, String name, String currency, long minSpendMinor, long multiplierPercent) {
    public Tier {
        if (code == null || !code.matches("[A-Za-z0-9_-]{1,32}") || name == null || name.isBlank() || name.length() > 80) {
            throw new EarnRuleRefused("invalid-tier", "a tier has a code (1-32 letters, digits, '-', '_') and a name");
        }
        if (currency == null || !currency.matches("[A-Z]{3}") || minSpendMinor < 1) {
            throw new EarnRuleRefused("invalid-tier", "a tier needs a currency and a minimum spend of at least 1 minor unit");
        }
        if (multiplierPercent < Campaign.MIN_MULTIPLIER || multiplierPercent > Campaign.MAX_MULTIPLIER) {
            throw new EarnRuleRefused("invalid-multiplier", "a tier's multiplier is between " + Campaign.MIN_MULTIPLIER
                    + "% and " + Campaign.MAX_MULTIPLIER + "%");
        }
    }

    public String rule() {
        return "tier:" + code;
    }
}
