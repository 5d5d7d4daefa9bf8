package io.loyaltyhub.domain.earn;

import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.txn.LineItem;
import java.time.LocalDateTime;

/**
 * A merchant's campaign (docs/rewards.md, "Campaigns"): extra points for sales in [{@code startsAt}, {@code endsAt})
 * (UTC), optionally only at one store and for one category or SKU. Exactly one of {@code multiplierPercent} (101..1000:
 * 200 = double points) and {@code bonusPoints} is set. Validated on construction ({@link EarnRuleRefused}).
 */
public record Campaign(String code, Long multiplierPercent, Long bonusPoints, LocalDateTime startsAt, LocalDateTime endsAt,
                       StoreId store, String category, String sku) {
    public static final long MIN_MULTIPLIER = 101;
    public static final long MAX_MULTIPLIER = 1_000;
    public static final long MAX_BONUS = 100_000;

    public Campaign {
        if (code == null || !code.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new EarnRuleRefused("invalid-campaign", "code must be 1 to 32 letters, digits, '-' or '_'");
        }
        if ((multiplierPercent == null) == (bonusPoints == null)) {
            throw new EarnRuleRefused("invalid-campaign", "a campaign is either a multiplier or a bonus");
        }
        if (multiplierPercent != null && (multiplierPercent < MIN_MULTIPLIER || multiplierPercent > MAX_MULTIPLIER)) {
            throw new EarnRuleRefused("invalid-multiplier", "a multiplier is between " + MIN_MULTIPLIER + "% and "
                    + MAX_MULTIPLIER + "% of the base points (e.g. 200 for double points)");
        }
        if (bonusPoints != null && (bonusPoints < 1 || bonusPoints > MAX_BONUS)) {
            throw new EarnRuleRefused("invalid-bonus", "a bonus is between 1 and " + MAX_BONUS + " points");
        }
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new EarnRuleRefused("invalid-period", "a campaign ends after it starts");
        }
        if (category != null && sku != null) {
            throw new EarnRuleRefused("invalid-campaign", "a campaign names a category or a SKU, not both");
        }
    }

    public boolean isMultiplier() {
        return multiplierPercent != null;
    }

    /** For a whole sale: no category or SKU named. */
    public boolean wholeSale() {
        return category == null && sku == null;
    }

    /** Whether it runs at this store at this moment (UTC). */
    public boolean runsAt(StoreId at, LocalDateTime when) {
        return (store == null || store.equals(at)) && !when.isBefore(startsAt) && when.isBefore(endsAt);
    }

    public boolean matches(LineItem line) {
        return wholeSale() || (sku != null && sku.equals(line.sku())) || (category != null && category.equals(line.category()));
    }

    /** Two multipliers for the same store, category and SKU whose periods meet: the stacking rule forbids it. */
    public boolean clashesWith(Campaign other) {
        return isMultiplier() && other.isMultiplier() && java.util.Objects.equals(store, other.store)
                && java.util.Objects.equals(category, other.category) && java.util.Objects.equals(sku, other.sku)
                && startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }

    public String rule() {
        return "campaign:" + code;
    }
}
