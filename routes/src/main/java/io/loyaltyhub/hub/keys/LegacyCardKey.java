package io.loyaltyhub.hub.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Reads the hex key files that hubs kept before the keystore ({@code keys/card.key}, {@code keys/iso8583-kek.key}),
 * only to import them: tokens made under the old card key stay valid as card key version 1.
 */
public final class LegacyCardKey {
    private LegacyCardKey() {
    }

    /** @return the key, or null when the file does not exist */
    public static byte[] read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            byte[] key = HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (key.length < 32) {
                throw new IllegalStateException("key file " + file + " must hold at least 32 bytes as hex");
            }
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the key file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("key file " + file + " is not hex");
        }
    }
}
