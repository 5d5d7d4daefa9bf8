package io.loyaltyhub.adapters.iso8583;

/**
 * Non-negative numbers as fixed-width decimal text ("007"), for length prefixes, STANs and length headers.
 * {@code String.format} built a formatter and locale symbols on every call, which showed in the profile of every
 * ISO 8583 answer.
 */
public final class ZeroPadded {
    private ZeroPadded() {
    }

    public static String of(long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("a negative number has no zero-padded form");
        }
        String digits = Long.toString(value);
        if (digits.length() >= width) {
            return digits;
        }
        return "0".repeat(width - digits.length()) + digits;
    }
}
