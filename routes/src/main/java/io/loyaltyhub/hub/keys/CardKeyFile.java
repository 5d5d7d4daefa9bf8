package io.loyaltyhub.hub.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card key (the HMAC key that turns card numbers into tokens), kept in a file readable only by the
 * hub's user. Created on first start if absent: losing it means existing cards can no longer be matched,
 * so it must be backed up with the database.
 */
public final class CardKeyFile {
    private static final Logger log = LoggerFactory.getLogger(CardKeyFile.class);

    private CardKeyFile() {
    }

    public static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (key.length < 32) {
                throw new IllegalStateException("card key file " + file + " must hold at least 32 bytes as hex");
            }
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the card key file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("card key file " + file + " is not hex", e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another process created it first; use theirs
        }
        Files.writeString(file, HexFormat.of().formatHex(key), StandardCharsets.US_ASCII);
        log.warn("created a new card key at {}: back it up together with the database", file.toAbsolutePath());
    }
}
