package io.loyaltyhub.domain.reward;

import java.math.BigInteger;

/**
 * What points are worth in one currency: {@code points} points pay {@code minorUnits} minor units (100 points = 100 minor
 * units = 1.00 EUR). Integer arithmetic only: money covered is rounded down to the minor unit, and only the points that
 * money is worth are taken, so no point is spent on a fraction of a cent.
 */
public record PointValue(String currency, long points, long minorUnits) {
    public static final long MAX = 1_000_000_000L;

    public PointValue {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, e.g. EUR");
        }
        if (points < 1 || points > MAX || minorUnits < 1 || minorUnits > MAX) {
            throw new IllegalArgumentException("points and minor units must each be between 1 and " + MAX);
        }
    }

    /** The money (minor units) that at most {@code offered} points pay: rounded down. */
    public long moneyFor(long offered) {
        return BigInteger.valueOf(offered).multiply(BigInteger.valueOf(minorUnits)).divide(BigInteger.valueOf(points))
                .min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    }

    /** The points that pay exactly this money (rounded up; never more than the points that were offered for it). */
    public long pointsFor(long money) {
        BigInteger[] qr = BigInteger.valueOf(money).multiply(BigInteger.valueOf(points))
                .divideAndRemainder(BigInteger.valueOf(minorUnits));
        return qr[0].add(qr[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO).longValueExact();
    }
}
