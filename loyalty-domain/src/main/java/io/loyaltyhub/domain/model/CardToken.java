package io.loyaltyhub.domain.model;

import java.util.regex.Pattern;

/**
 * What the hub keeps instead of a card number: a keyed hash (HMAC-SHA-256 under the card key of
 * {@code keyVersion}) in lower-case hex, plus the last four digits for receipts and support.
 */
public record CardToken(String hash, int keyVersion, String last4) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern FOUR_DIGITS = Pattern.compile("[0-9]{4}");

    public CardToken {
        if (hash == null || !HEX64.matcher(hash).matches()) {
            throw new IllegalArgumentException("card token must be 64 lower-case hex characters");
        }
        if (keyVersion < 1) {
            throw new IllegalArgumentException("card key version must be >= 1");
        }
        if (last4 == null || !FOUR_DIGITS.matcher(last4).matches()) {
            throw new IllegalArgumentException("last4 must be four digits");
        }
    }

    @Override
    public String toString() {
        return "card ****" + last4;
    }
}
