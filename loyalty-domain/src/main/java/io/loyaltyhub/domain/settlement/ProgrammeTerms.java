package io.loyaltyhub.domain.settlement;

import io.loyaltyhub.domain.model.Money;

/** The programme's settlement currency, its money per point (minor units) and its period length. */
public record ProgrammeTerms(String currency, long issuePriceMinor, long redeemValueMinor, PeriodKind periodKind) {
    public ProgrammeTerms {
        Money.currencyOf(currency);
        MerchantTerms.requireNotNegative(issuePriceMinor, "issue price");
        MerchantTerms.requireNotNegative(redeemValueMinor, "redemption value");
    }

    @Override
    public String toString() {
        return currency + ", " + issuePriceMinor + " minor unit(s) per point issued, " + redeemValueMinor
                + " per point redeemed, " + periodKind.name().toLowerCase(java.util.Locale.ROOT) + " periods";
    }
}
