package io.loyaltyhub.domain.model;

import java.util.Currency;

/** An amount in integer minor units of an ISO 4217 currency. Never a floating-point number. */
public record Money(long minorUnits, Currency currency) {
    /** Anything above this is treated as absurd input for a till: 10 million major units in a 2-decimal currency. */
    public static final long MAX_MINOR_UNITS = 1_000_000_000L;

    public Money {
        if (currency == null) {
            throw new IllegalArgumentException("currency is required");
        }
        if (minorUnits < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        if (minorUnits > MAX_MINOR_UNITS) {
            throw new IllegalArgumentException("amount exceeds the maximum of " + MAX_MINOR_UNITS + " minor units");
        }
    }

    public static Money of(long minorUnits, String currencyCode) {
        return new Money(minorUnits, currencyOf(currencyCode));
    }

    /** @throws IllegalArgumentException for anything that is not an ISO 4217 code */
    public static Currency currencyOf(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be a three-letter ISO 4217 code");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency " + code);
        }
    }

    public boolean isZero() {
        return minorUnits == 0;
    }
}
