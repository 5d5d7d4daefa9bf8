package io.loyaltyhub.hub.pgp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.Objects;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * Streams an OpenPGP message (RFC 4880) to a merchant's public key with Bouncy Castle: a session key encrypted to the
 * key's encryption subkey, the data under AES-256 in a symmetrically encrypted integrity-protected packet (SEIPD
 * with modification detection code: gpg refuses an altered file), ZIP-compressed, in a literal data packet that
 * carries the report's file name. Every layer writes partial-length packets from a 64 KiB buffer, so memory stays
 * flat however long the report is. The output is binary, not ASCII-armored: reports are downloaded as files, and
 * armor would add a third to their size for nothing (gpg reads both).
 */
public final class OpenPgpEncryption {
    private static final int BUFFER_BYTES = 1 << 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private OpenPgpEncryption() {
    }

    /**
     * The key reports are encrypted to: of a registered armored key, the newest subkey (or else the primary key) that
     * may encrypt and is neither revoked nor expired. A subkey counts only with a valid binding signature by the
     * primary key, whose fingerprint the operator compared with the merchant's: a subkey added to the file by someone
     * else is ignored. Key flags, where present, must allow encryption.
     */
    public static PGPPublicKey encryptionKeyOf(ArmoredPublicKey armored) {
        PGPPublicKeyRing ring;
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.armored().getBytes(StandardCharsets.US_ASCII)))) {
            ring = new PGPPublicKeyRing(in, new BcKeyFingerprintCalculator());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the OpenPGP key " + armored.fingerprint() + " cannot be read: " + e.getMessage(), e);
        }
        PGPPublicKey primary = ring.getPublicKey();
        Instant now = Instant.now();
        if (primary.hasRevocation() || expired(primary, now)) {
            // A revoked or expired primary key takes its subkeys with it.
            throw new IllegalArgumentException("the OpenPGP key " + armored.fingerprint() + " is revoked or expired");
        }
        PGPPublicKey chosen = null;
        for (Iterator<PGPPublicKey> keys = ring.getPublicKeys(); keys.hasNext(); ) {
            PGPPublicKey key = keys.next();
            if (!key.isEncryptionKey() || key.hasRevocation() || expired(key, now) || !certifiedForEncryption(primary, key)) {
                continue;
            }
            if (chosen == null || chosen.isMasterKey() || key.getCreationTime().after(chosen.getCreationTime())) {
                chosen = key;
            }
        }
        if (chosen == null) {
            throw new IllegalArgumentException("the OpenPGP key " + armored.fingerprint() + " has no usable encryption subkey");
        }
        return chosen;
    }

    /** A valid self-signature (user ID certification or subkey binding) by the primary key whose flags, if any, allow encryption. */
    private static boolean certifiedForEncryption(PGPPublicKey primary, PGPPublicKey key) {
        for (Iterator<PGPSignature> signatures = key.getSignatures(); signatures.hasNext(); ) {
            PGPSignature signature = signatures.next();
            if (signature.getKeyID() != primary.getKeyID() || !verifies(signature, primary, key)) {
                continue;
            }
            PGPSignatureSubpacketVector hashed = signature.getHashedSubPackets();
            if (hashed == null || !hashed.hasSubpacket(SignatureSubpacketTags.KEY_FLAGS)
                    || (hashed.getKeyFlags() & (KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE)) != 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean verifies(PGPSignature signature, PGPPublicKey primary, PGPPublicKey key) {
        try {
            signature.init(new BcPGPContentVerifierBuilderProvider(), primary);
            if (key.isMasterKey()) {
                if (signature.getSignatureType() < PGPSignature.DEFAULT_CERTIFICATION
                        || signature.getSignatureType() > PGPSignature.POSITIVE_CERTIFICATION) {
                    return false;
                }
                for (Iterator<byte[]> ids = key.getRawUserIDs(); ids.hasNext(); ) {
                    byte[] id = ids.next();
                    signature.init(new BcPGPContentVerifierBuilderProvider(), primary);
                    if (signature.verifyCertification(id, key)) {
                        return true;
                    }
                }
                return false;
            }
            return signature.getSignatureType() == PGPSignature.SUBKEY_BINDING && signature.verifyCertification(primary, key);
        } catch (PGPException | RuntimeException e) {
            return false;
        }
    }

    private static boolean expired(PGPPublicKey key, Instant now) {
        long valid = key.getValidSeconds();
        return valid > 0 && key.getCreationTime().toInstant().plusSeconds(valid).isBefore(now);
    }

    /** As {@link #encryptTo(PGPPublicKey, String, OutputStream)}, with no file name in the literal data packet. */
    public static OutputStream encryptTo(PGPPublicKey key, OutputStream raw) throws IOException {
        return encryptTo(key, "", raw);
    }

    /**
     * Returns a stream whose bytes reach {@code raw} encrypted to {@code key}. Closing it writes the trailers of
     * every layer (literal data, compression, the modification detection code), innermost first, and then closes
     * {@code raw}; if it is not closed, the message is incomplete and gpg rejects it.
     */
    public static OutputStream encryptTo(PGPPublicKey key, String fileName, OutputStream raw) throws IOException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(raw, "raw");
        PGPEncryptedDataGenerator encryption = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                        .setWithIntegrityPacket(true)
                        .setSecureRandom(RANDOM));
        encryption.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(key).setSecureRandom(RANDOM));
        PGPCompressedDataGenerator compression = new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZIP);
        PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
        try {
            OutputStream encrypted = encryption.open(raw, new byte[BUFFER_BYTES]);
            OutputStream compressed = compression.open(encrypted, new byte[BUFFER_BYTES]);
            OutputStream plain = literal.open(compressed, PGPLiteralData.BINARY, fileName, new Date(), new byte[BUFFER_BYTES]);
            return new Layers(plain, literal, compression, encryption, raw);
        } catch (PGPException e) {
            throw new IOException("OpenPGP encryption could not start: " + e.getMessage(), e);
        }
    }

    /** The innermost stream, closing the generators in order and then the raw stream. */
    private static final class Layers extends OutputStream {
        private final OutputStream plain;
        private final PGPLiteralDataGenerator literal;
        private final PGPCompressedDataGenerator compression;
        private final PGPEncryptedDataGenerator encryption;
        private final OutputStream raw;
        private boolean closed;

        Layers(OutputStream plain, PGPLiteralDataGenerator literal, PGPCompressedDataGenerator compression,
               PGPEncryptedDataGenerator encryption, OutputStream raw) {
            this.plain = plain;
            this.literal = literal;
            this.compression = compression;
            this.encryption = encryption;
            this.raw = raw;
        }

        @Override
        public void write(int b) throws IOException {
            plain.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            plain.write(bytes, offset, length);
        }

        /** Flushes what the buffers hold as far as the layers allow (a partial packet is only written when full). */
        @Override
        public void flush() throws IOException {
            plain.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            // Not in a finally: if a trailer cannot be written, raw stays open so that the caller aborts the
            // transfer instead of ending it as if it were complete (ReportSink's contract).
            literal.close();
            compression.close();
            encryption.close();
            raw.close();
        }
    }
}
