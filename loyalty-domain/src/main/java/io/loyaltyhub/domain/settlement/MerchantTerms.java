package io.loyaltyhub.domain.settlement;

/**
 * A merchant's settlement terms: its own prices per point (null = the programme's), how it pays for its points, and
 * the prepaid points it has left.
 */
public record MerchantTerms(Long issuePriceMinor, Long redeemValueMinor, Billing billing, long prepaidPoints) {
    public static final MerchantTerms PROGRAMME_DEFAULT = new MerchantTerms(null, null, Billing.POST_PAID, 0);

    public MerchantTerms {
        if (issuePriceMinor != null) {
            requireNotNegative(issuePriceMinor, "issue price");
        }
        if (redeemValueMinor != null) {
            requireNotNegative(redeemValueMinor, "redemption value");
        }
    }

    long issuePrice(ProgrammeTerms programme) {
        return issuePriceMinor != null ? issuePriceMinor : programme.issuePriceMinor();
    }

    long redeemValue(ProgrammeTerms programme) {
        return redeemValueMinor != null ? redeemValueMinor : programme.redeemValueMinor();
    }

    static void requireNotNegative(long minor, String what) {
        if (minor < 0) {
            throw new SettlementRefused("price-negative", "a " + what + " cannot be negative: " + minor);
        }
    }
}
