package io.loyaltyhub.hub.pgp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.bcpg.ArmoredInputException;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/**
 * An ASCII-armored OpenPGP public key (RFC 4880 §6), checked before it is stored: Bouncy Castle reads the armor
 * (headers, base64, the CRC-24 checksum when there is one) and the key ring in it, which must be exactly one version 4
 * key, whose fingerprint operator and merchant compare with {@code gpg --fingerprint}. Encrypting to the key is the
 * job of {@link OpenPgpEncryption}; this class only vets what is registered. Every refusal is an
 * {@link IllegalArgumentException} whose message starts {@code not an OpenPGP public key:}.
 */
public record ArmoredPublicKey(String armored, String fingerprint) {
    private static final String BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    private static final String END = "-----END PGP PUBLIC KEY BLOCK-----";
    private static final int MAX_ARMORED_CHARS = 60_000;

    public static ArmoredPublicKey parse(String text) {
        if (text == null || text.length() > MAX_ARMORED_CHARS) {
            throw invalid("missing or larger than " + MAX_ARMORED_CHARS + " characters");
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw invalid("no '" + BEGIN + "' … '" + END + "' block");
        }
        String block = text.substring(begin, end + END.length()) + "\n";
        PGPPublicKey key = onlyKeyOf(keyRings(block));
        if (key.getVersion() != 4) {
            throw invalid("only version 4 keys are accepted (this one is version " + key.getVersion() + ")");
        }
        return new ArmoredPublicKey(block, HexFormat.of().withUpperCase().formatHex(key.getFingerprint()));
    }

    private static PGPPublicKeyRingCollection keyRings(String block) {
        byte[] packets;
        try (ArmoredInputStream armor = ArmoredInputStream.builder()
                .build(new ByteArrayInputStream(block.getBytes(StandardCharsets.US_ASCII)))) {
            // Read to the end first: the checksum is checked there, before any packet is trusted.
            packets = armor.readAllBytes();
        } catch (ArmoredInputException e) {
            throw invalid(e.getMessage() != null && e.getMessage().contains("crc")
                    ? "the armor checksum does not match: the key was altered or cut"
                    : "the armor is malformed (" + detail(e) + ")");
        } catch (IOException | RuntimeException e) {
            throw invalid("the armor is malformed (" + detail(e) + ")");
        }
        try {
            return new PGPPublicKeyRingCollection(packets, new BcKeyFingerprintCalculator());
        } catch (IOException | PGPException | RuntimeException e) {
            throw invalid("the block holds no readable public key (" + detail(e) + ")");
        }
    }

    private static PGPPublicKey onlyKeyOf(PGPPublicKeyRingCollection rings) {
        if (rings.size() != 1) {
            throw invalid(rings.size() == 0 ? "the block holds no public key"
                    : "the block holds " + rings.size() + " keys: export only the one reports are encrypted to");
        }
        return rings.getKeyRings().next().getPublicKey();
    }

    private static String detail(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("not an OpenPGP public key: " + why);
    }
}
