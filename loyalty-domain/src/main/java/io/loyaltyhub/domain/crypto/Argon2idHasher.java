package io.loyaltyhub.domain.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.util.Arrays;

/**
 * Human-handled API keys (merchant and operator credentials) stored only as Argon2id hashes, in the PHC
 * string format {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} so that the cost can be
 * raised later without invalidating stored hashes: verification reads the cost from the stored string.
 * Defaults follow OWASP's password storage guidance (19 MiB, 2 passes, 1 lane).
 */
public final class Argon2idHasher {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final int memoryKib;
    private final int passes;
    private final int lanes;

    public Argon2idHasher(int memoryKib, int passes, int lanes) {
        if (memoryKib < 8 * lanes || passes < 1 || lanes < 1) {
            throw new IllegalArgumentException("Argon2id needs passes >= 1, lanes >= 1 and at least 8 KiB per lane");
        }
        this.memoryKib = memoryKib;
        this.passes = passes;
        this.lanes = lanes;
    }

    public static Argon2idHasher recommended() {
        return new Argon2idHasher(19 * 1024, 2, 1);
    }

    public String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] digest = derive(secret, salt, memoryKib, passes, lanes, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + passes + ",p=" + lanes + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(digest);
    }

    /** Constant-time check of a presented secret against a stored PHC string; a malformed string never matches. */
    public static boolean matches(String secret, String stored) {
        if (secret == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        try {
            int m = 0;
            int t = 0;
            int p = 0;
            for (String param : parts[3].split(",")) {
                String[] kv = param.split("=", 2);
                int value = Integer.parseInt(kv[1]);
                switch (kv[0]) {
                    case "m" -> m = value;
                    case "t" -> t = value;
                    case "p" -> p = value;
                    default -> {
                        return false;
                    }
                }
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            if (m < 8 * p || t < 1 || p < 1 || expected.length < 16) {
                return false;
            }
            return Arrays.constantTimeAreEqual(expected, derive(secret, salt, m, t, p, expected.length));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private static byte[] derive(String secret, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(passes)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
