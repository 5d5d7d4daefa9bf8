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

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isIn(Currency other) {
        return currency.equals(other);
    }

    /** @throws IllegalArgumentException for another currency, or a sum above {@link #MAX_MINOR_UNITS} */
    public Money plus(Money other) {
        return new Money(Math.addExact(minorUnits, sameCurrency(other).minorUnits), currency);
    }

    /** @throws IllegalArgumentException for another currency, or a difference below zero */
    public Money minus(Money other) {
        return new Money(Math.subtractExact(minorUnits, sameCurrency(other).minorUnits), currency);
    }

    /** @throws IllegalArgumentException for another currency: amounts in two currencies do not compare */
    public boolean isMoreThan(Money other) {
        return minorUnits > sameCurrency(other).minorUnits;
    }

    private Money sameCurrency(Money other) {
        if (!isIn(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }
}
