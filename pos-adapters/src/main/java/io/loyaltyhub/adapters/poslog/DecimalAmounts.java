package io.loyaltyhub.adapters.poslog;

import java.math.BigDecimal;
import java.util.Currency;

/** POSLog writes money as decimal text in major units ("12.34"); the hub counts integer minor units. No floating point. */
final class DecimalAmounts {

    private DecimalAmounts() {
    }

    /**
     * @return the signed amount in minor units of {@code currency}
     * @throws NumberFormatException for anything that is not a plain decimal, or that has more decimals than the currency
     */
    static long toMinorUnits(String decimal, Currency currency) {
        if (decimal.length() > 24 || !decimal.matches("[+-]?[0-9]+(\\.[0-9]+)?")) {
            throw new NumberFormatException("not a decimal amount");
        }
        BigDecimal minor = new BigDecimal(decimal).movePointRight(Math.max(currency.getDefaultFractionDigits(), 0));
        try {
            return minor.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new NumberFormatException("more decimals than " + currency.getCurrencyCode() + " has, or out of range");
        }
    }

    /** Line quantities: whole units as they are; weighed or fractional quantities (0.42 kg) count as one unit. */
    static int toUnits(String quantity) {
        if (quantity == null) {
            return 1;
        }
        if (quantity.length() > 24 || !quantity.matches("[+-]?[0-9]+(\\.[0-9]+)?")) {
            throw new NumberFormatException("not a decimal quantity");
        }
        BigDecimal units = new BigDecimal(quantity).abs().stripTrailingZeros();
        if (units.scale() > 0) {
            return 1;
        }
        return units.intValueExact();
    }
}
