package io.loyaltyhub.hub.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.testing.Slow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming OpenPGP encryptor against the stock gpg: an RSA key's encryption subkey is chosen over its primary
 * key, a message of many megabytes reaches the raw stream while it is written (bounded buffers, not held until the
 * end) and gpg decrypts it to the same bytes; a key that cannot encrypt is refused. Skipped with a message without
 * gpg, unless LOYALTY_REQUIRE_GPG=true.
 */
@Slow
class OpenPgpEncryptionTest {
    @TempDir
    Path gnupgHome;

    @Test
    void aLargeMessageStreamsToTheEncryptionSubkeyAndGpgDecryptsIt() throws Exception {
        Gpg gpg = Gpg.in(gnupgHome);
        gpg.run("--quick-gen-key", "RSA Reports <rsa@reports.example>", "rsa3072", "cert", "never");
        String primary = fingerprints(gpg, "rsa@reports.example")[0];
        gpg.run("--quick-add-key", primary, "rsa3072", "encr", "never");
        String[] fingerprints = fingerprints(gpg, "rsa@reports.example");
        assertThat(fingerprints).hasSize(2);
        ArmoredPublicKey armored = ArmoredPublicKey.parse(gpg.run("--armor", "--export", "rsa@reports.example"));

        PGPPublicKey key = OpenPgpEncryption.encryptionKeyOf(armored);
        assertThat(key.isMasterKey()).isFalse();
        assertThat(org.bouncycastle.util.encoders.Hex.toHexString(key.getFingerprint()).toUpperCase())
                .isEqualTo(fingerprints[1]);

        byte[] chunk = new byte[1 << 20];
        new Random(42).nextBytes(chunk); // incompressible, so compression cannot hide buffering
        int megabytes = 8;
        Path file = gnupgHome.resolve("random.bin.pgp");
        Path expected = gnupgHome.resolve("random.bin");
        CountingStream raw = new CountingStream(Files.newOutputStream(file));
        try (OutputStream plainCopy = Files.newOutputStream(expected)) {
            OutputStream encrypted = OpenPgpEncryption.encryptTo(key, "random.bin", raw);
            for (int i = 0; i < megabytes; i++) {
                encrypted.write(chunk);
                plainCopy.write(chunk);
            }
            assertThat(raw.count).as("bytes sent before the end").isGreaterThan((megabytes - 1L) << 20);
            assertThat(raw.closed).isFalse();
            encrypted.close();
        }
        assertThat(raw.closed).isTrue();

        Gpg.Output decrypted = gpg.runToFile("--show-session-key", "--decrypt", file.toString());
        assertThat(Files.mismatch(decrypted.stdout(), expected)).isEqualTo(-1L);
        assertThat(decrypted.stderr()).containsPattern("session key: '9:[0-9A-F]{64}'") // 9 = AES-256
                .contains("ID " + fingerprints[1].substring(24)); // the subkey's key id
    }

    @Test
    void anEmptyMessageIsStillAValidOne() throws Exception {
        Gpg gpg = Gpg.in(gnupgHome);
        gpg.run("--quick-gen-key", "Empty <empty@reports.example>", "default", "default", "never");
        PGPPublicKey key = OpenPgpEncryption.encryptionKeyOf(ArmoredPublicKey.parse(gpg.run("--armor", "--export", "empty@reports.example")));
        Path file = gnupgHome.resolve("empty.pgp");
        OpenPgpEncryption.encryptTo(key, Files.newOutputStream(file)).close();
        assertThat(Files.size(gpg.runToFile("--decrypt", file.toString()).stdout())).isZero();
    }

    @Test
    void aKeyThatCannotEncryptIsRefused() throws Exception {
        Gpg gpg = Gpg.in(gnupgHome);
        gpg.run("--quick-gen-key", "Signing Only <sign@reports.example>", "ed25519", "sign", "never");
        ArmoredPublicKey armored = ArmoredPublicKey.parse(gpg.run("--armor", "--export", "sign@reports.example"));
        assertThatThrownBy(() -> OpenPgpEncryption.encryptionKeyOf(armored))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no usable encryption subkey");
    }

    @Test
    void aRevokedKeyIsRefusedWithItsSubkeys() throws Exception {
        Gpg gpg = Gpg.in(gnupgHome);
        gpg.run("--quick-gen-key", "Revoked <revoked@reports.example>", "default", "default", "never");
        String primary = fingerprints(gpg, "revoked@reports.example")[0];
        OpenPgpEncryption.encryptionKeyOf(ArmoredPublicKey.parse(gpg.run("--armor", "--export", "revoked@reports.example")));
        // gpg keeps a revocation certificate for every key it makes, its armor line guarded by a leading ':'.
        Path certificate = gnupgHome.resolve("openpgp-revocs.d").resolve(primary + ".rev");
        Path revocation = Files.writeString(gnupgHome.resolve("revocation.asc"),
                Files.readString(certificate, StandardCharsets.US_ASCII).replace(":-----BEGIN", "-----BEGIN"));
        gpg.run("--import", revocation.toString());
        ArmoredPublicKey revoked = ArmoredPublicKey.parse(gpg.run("--armor", "--export", "revoked@reports.example"));
        assertThatThrownBy(() -> OpenPgpEncryption.encryptionKeyOf(revoked))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("revoked or expired");
    }

    @Test
    void aSubkeyNotBoundByThePrimaryKeyIsIgnored() throws Exception {
        Gpg gpg = Gpg.in(gnupgHome);
        gpg.run("--quick-gen-key", "Merchant <merchant@reports.example>", "ed25519", "sign", "never");
        gpg.run("--quick-gen-key", "Intruder <intruder@reports.example>", "default", "default", "never");
        PGPPublicKeyRing merchant = ring(gpg.run("--armor", "--export", "merchant@reports.example"));
        PGPPublicKeyRing intruder = ring(gpg.run("--armor", "--export", "intruder@reports.example"));
        PGPPublicKey foreignSubkey = null;
        for (Iterator<PGPPublicKey> keys = intruder.getPublicKeys(); keys.hasNext(); ) {
            PGPPublicKey key = keys.next();
            if (!key.isMasterKey()) {
                foreignSubkey = key;
            }
        }
        // The intruder's encryption subkey, with its binding signature (made by the intruder), appended to the
        // merchant's key: the fingerprint the operator compares is still the merchant's.
        PGPPublicKeyRing tampered = PGPPublicKeyRing.insertPublicKey(merchant, foreignSubkey);
        ByteArrayOutputStream armoredBytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = new ArmoredOutputStream(armoredBytes)) {
            tampered.encode(armor);
        }
        ArmoredPublicKey armored = ArmoredPublicKey.parse(armoredBytes.toString(StandardCharsets.US_ASCII));
        assertThat(armored.fingerprint()).isEqualTo(fingerprints(gpg, "merchant@reports.example")[0]);

        assertThatThrownBy(() -> OpenPgpEncryption.encryptionKeyOf(armored))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no usable encryption subkey");
        assertThat(OpenPgpEncryption.encryptionKeyOf(ArmoredPublicKey.parse(gpg.run("--armor", "--export",
                "intruder@reports.example"))).getKeyID()).isEqualTo(foreignSubkey.getKeyID());
    }

    private static PGPPublicKeyRing ring(String armored) throws IOException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
            return new PGPPublicKeyRing(in, new BcKeyFingerprintCalculator());
        }
    }

    private static String[] fingerprints(Gpg gpg, String uid) throws IOException, InterruptedException {
        return gpg.run("--with-colons", "--with-subkey-fingerprints", "--list-keys", uid).lines()
                .filter(l -> l.startsWith("fpr:")).map(l -> l.split(":")[9]).toArray(String[]::new);
    }

    private static final class CountingStream extends FilterOutputStream {
        long count;
        boolean closed;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
