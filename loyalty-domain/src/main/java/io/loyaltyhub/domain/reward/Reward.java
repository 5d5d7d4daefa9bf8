package io.loyaltyhub.domain.reward;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.txn.ResultCode;
import java.time.LocalDate;
import java.util.List;

/**
 * A gift of the catalogue as stored: its price in points, how many are left ({@code stockLeft} null = unlimited), the
 * days it can be redeemed (both inclusive), and where: at every merchant's tills, or at its owner's and those listed.
 * {@code owner} is null for the operator's own rewards; {@code costMinor} is what one gift costs (docs/settlement.md).
 */
public record Reward(long id, String code, String name, MerchantId owner, long pricePoints, Long stockLeft,
                     LocalDate validFrom, LocalDate validUntil, boolean allMerchants, List<MerchantId> offeredAt,
                     long costMinor) {

    public Reward {
        offeredAt = List.copyOf(offeredAt);
    }

    /** Why this reward cannot be redeemed on that day; null when it can (stock is taken, and checked, apart). */
    public ResultCode refusalOn(LocalDate day) {
        return day.isBefore(validFrom) || day.isAfter(validUntil) ? ResultCode.REWARD_EXPIRED : null;
    }

    /** Whether a till of this merchant hands the reward out (the list is read for that merchant only). */
    boolean offeredBy(MerchantId merchant) {
        return allMerchants || merchant.equals(owner) || offeredAt.contains(merchant);
    }
}
