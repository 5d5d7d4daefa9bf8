package io.loyaltyhub.domain.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF-SHA-256 (RFC 5869): one independent key per purpose from one secret, so no key serves two jobs. */
public final class KeyDerivation {
    private KeyDerivation() {
    }

    public static byte[] derive(byte[] secret, String purpose, int length) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("key derivation needs at least 32 bytes of secret");
        }
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secret, null, ("loyalty-hub/" + purpose).getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }
}
