package io.loyaltyhub.domain.model;

/** A signed number of loyalty points (negative for reversals and redemptions). Integer only. */
public record Points(long value) {
    public static final Points ZERO = new Points(0);

    public Points plus(Points other) {
        return new Points(Math.addExact(value, other.value));
    }

    public Points negate() {
        return new Points(Math.negateExact(value));
    }

    public boolean isPositive() {
        return value > 0;
    }
}
