package io.loyaltyhub.domain.model;

/** A signed number of loyalty points (negative for reversals and redemptions). Integer only. */
public record Points(long value) {
    public static final Points ZERO = new Points(0);

    public static Points of(long value) {
        return value == 0 ? ZERO : new Points(value);
    }

    public Points plus(Points other) {
        return new Points(Math.addExact(value, other.value));
    }

    public Points minus(Points other) {
        return new Points(Math.subtractExact(value, other.value));
    }

    public Points negate() {
        return new Points(Math.negateExact(value));
    }

    public boolean isPositive() {
        return value > 0;
    }

    public boolean isNegative() {
        return value < 0;
    }

    public boolean isZero() {
        return value == 0;
    }

    public boolean isMoreThan(Points other) {
        return value > other.value;
    }
}
