package io.loyaltyhub.domain.model;

/**
 * A merchant's earn rule for one currency: {@code points} points for every {@code perMinorUnits}
 * minor units spent (e.g. 1 point per 100 cents). Earned points are floor(amount * points / perMinorUnits),
 * computed in exact integer arithmetic.
 */
public record EarnRate(long points, long perMinorUnits) {
    public EarnRate {
        if (points < 0 || points > 1_000_000) {
            throw new IllegalArgumentException("earn points must be between 0 and 1,000,000");
        }
        if (perMinorUnits < 1 || perMinorUnits > 1_000_000_000L) {
            throw new IllegalArgumentException("perMinorUnits must be between 1 and 1,000,000,000");
        }
    }

    public Points earnFor(long amountMinorUnits) {
        if (amountMinorUnits < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        return new Points(Math.multiplyExact(amountMinorUnits, points) / perMinorUnits);
    }
}
