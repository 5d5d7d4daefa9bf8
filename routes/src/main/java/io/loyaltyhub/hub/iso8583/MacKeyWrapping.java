package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.adapters.iso8583.MacKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wraps terminal MAC keys for storage: AES-256-GCM under the hub's master key (keystore entry
 * {@code master-key}; before the keystore, a separate key-encryption key file), with the terminal
 * id as associated data so a wrapped key copied onto another terminal's row does not unwrap. Stored as
 * hex of IV (12 bytes) then ciphertext and tag.
 */
final class MacKeyWrapping {

    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec keyEncryptionKey;

    MacKeyWrapping(byte[] keyEncryptionKey) {
        if (keyEncryptionKey.length != 32) {
            throw new IllegalArgumentException("the ISO 8583 key-encryption key is 32 bytes (64 hex characters)");
        }
        this.keyEncryptionKey = new SecretKeySpec(keyEncryptionKey.clone(), "AES");
    }

    static MacKeyWrapping ofHex(String hex) {
        if (hex == null || !hex.matches("[0-9A-Fa-f]{64}")) {
            throw new IllegalArgumentException("the ISO 8583 key-encryption key is 64 hex characters");
        }
        return new MacKeyWrapping(HexFormat.of().parseHex(hex));
    }

    /** Wraps and then wipes {@code clearKey}. */
    String wrap(byte[] clearKey, long terminalId) {
        try {
            byte[] iv = new byte[IV_LENGTH];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keyEncryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(terminalId));
            byte[] sealed = cipher.doFinal(clearKey);
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return HexFormat.of().formatHex(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not wrap the MAC key of terminal " + terminalId, e);
        } finally {
            Arrays.fill(clearKey, (byte) 0);
        }
    }

    MacKey unwrap(String wrapped, long terminalId) {
        byte[] clear = unwrapBytes(wrapped, terminalId);
        try {
            return MacKey.of(clear);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    byte[] unwrapBytes(String wrapped, long terminalId) {
        try {
            byte[] in = HexFormat.of().parseHex(wrapped);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keyEncryptionKey, new GCMParameterSpec(TAG_BITS, in, 0, IV_LENGTH));
            cipher.updateAAD(associatedData(terminalId));
            return cipher.doFinal(in, IV_LENGTH, in.length - IV_LENGTH);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the MAC key of terminal " + terminalId
                    + " does not unwrap under the hub's master key");
        }
    }

    private static byte[] associatedData(long terminalId) {
        return ("terminal:" + terminalId).getBytes(StandardCharsets.US_ASCII);
    }
}
