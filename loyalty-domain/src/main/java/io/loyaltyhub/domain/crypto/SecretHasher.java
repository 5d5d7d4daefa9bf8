package io.loyaltyhub.domain.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.encoders.Hex;

/**
 * Terminal secrets: 256 random bits, shown once, stored only as a SHA-256 digest. A fast hash is enough
 * for a secret of this entropy (it cannot be guessed, only stolen), and it keeps the per-swipe check cheap.
 */
public final class SecretHasher {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretHasher() {
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String newCredentialId(String prefix) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return prefix + Hex.toHexString(bytes);
    }

    public static String hash(String secret) {
        SHA256Digest digest = new SHA256Digest();
        byte[] in = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        digest.update(in, 0, in.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return "sha256:" + Hex.toHexString(out);
    }

    /** Constant-time comparison of a presented secret with a stored hash. */
    public static boolean matches(String secret, String storedHash) {
        if (secret == null || storedHash == null) {
            return false;
        }
        return Arrays.constantTimeAreEqual(hash(secret).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                storedHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
