package io.loyaltyhub.domain.reward;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.txn.PosTransaction;
import java.time.LocalDate;
import java.util.List;

/**
 * A reward the operator (owner null) or a merchant adds to the catalogue, checked on construction: each bad value
 * is refused with {@link RewardRefusal#INVALID_REWARD} and a message naming the field. {@code stock} null is
 * unlimited; {@code allMerchants} offers it at every merchant's tills, otherwise at the owner's and {@code offeredAt}.
 * {@code costMinor} is what one gift costs in minor units of the settlement currency (docs/settlement.md, "Catalogue
 * gifts"): the operator reimburses it to a merchant whose till hands out one of the operator's gifts.
 */
public record NewReward(String code, String name, MerchantId owner, long pricePoints, Long stock, LocalDate validFrom,
                        LocalDate validUntil, boolean allMerchants, List<MerchantId> offeredAt, long costMinor) {
    /** A price above a billion points is a typing error, not a gift. */
    public static final long MAX_PRICE = 1_000_000_000L;
    public static final long MAX_STOCK = 1_000_000_000L;
    /** A gift costing more than ten million in major units is a typing error too. */
    public static final long MAX_COST = 1_000_000_000L;

    /** A reward whose cost is not known (0). */
    public NewReward(String code, String name, MerchantId owner, long pricePoints, Long stock, LocalDate validFrom,
                     LocalDate validUntil, boolean allMerchants, List<MerchantId> offeredAt) {
        this(code, name, owner, pricePoints, stock, validFrom, validUntil, allMerchants, offeredAt, 0);
    }

    public NewReward {
        offeredAt = offeredAt == null ? List.of() : List.copyOf(offeredAt);
        if (code == null || !PosTransaction.REWARD_CODE.matcher(code).matches()) {
            throw invalid("code must be 1 to 32 letters, digits, '-' or '_'");
        }
        if (name == null || name.isBlank() || name.length() > 120) {
            throw invalid("name must be 1 to 120 characters");
        }
        if (pricePoints < 1 || pricePoints > MAX_PRICE) {
            throw invalid("pricePoints must be between 1 and " + MAX_PRICE);
        }
        if (stock != null && (stock < 0 || stock > MAX_STOCK)) {
            throw invalid("stock must be between 0 and " + MAX_STOCK + ", or absent for unlimited");
        }
        if (validFrom == null || validUntil == null || validUntil.isBefore(validFrom)) {
            throw invalid("validFrom and validUntil are required, and validUntil may not be before validFrom");
        }
        if (costMinor < 0 || costMinor > MAX_COST) {
            throw invalid("costMinor must be between 0 and " + MAX_COST);
        }
        if (owner == null && !allMerchants && offeredAt.isEmpty()) {
            throw invalid("an operator's reward must be offered at every merchant or at the merchants listed");
        }
    }

    private static RewardRefused invalid(String why) {
        return new RewardRefused(RewardRefusal.INVALID_REWARD, why);
    }
}
