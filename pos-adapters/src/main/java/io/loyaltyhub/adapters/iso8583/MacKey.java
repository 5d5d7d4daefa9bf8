package io.loyaltyhub.adapters.iso8583;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A terminal's MAC key: a double-length DES key (16 bytes), as used by the ISO 9797-1 retail MAC.
 * {@link #toString()} shows only a check value, never the key.
 */
public final class MacKey {

    private final byte[] key;

    private MacKey(byte[] key) {
        if (key.length != 16) {
            throw new IllegalArgumentException("a MAC key is 16 bytes (32 hex characters)");
        }
        this.key = key.clone();
    }

    public static MacKey ofHex(String hex) {
        if (hex == null || !hex.matches("[0-9A-Fa-f]{32}")) {
            throw new IllegalArgumentException("a MAC key is 32 hex characters");
        }
        return new MacKey(HexFormat.of().parseHex(hex));
    }

    public static MacKey of(byte[] key) {
        return new MacKey(key);
    }

    byte[] bytes() {
        return key.clone();
    }

    /** The usual key check value: the first 3 bytes of the MAC of eight zero bytes; lets operators compare keys without showing them. */
    public String checkValue() {
        return MessageAuthentication.macOf(new byte[8], this).substring(0, 6);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacKey other && MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "MacKey[kcv=" + checkValue() + "]";
    }
}
