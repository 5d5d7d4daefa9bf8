package io.loyaltyhub.domain.merchant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.loyaltyhub.domain.time.ClockTicker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Successful Argon2id verifications remembered briefly, so that a merchant's script downloading several reports
 * does not pay ~50 ms of CPU per request. Keyed by SHA-256 of "credential id : secret" (the secret itself is
 * never kept), bounded in size (Caffeine evicts past {@code maxEntries}) and in time (an entry expires
 * {@code ttl} after the verification, on the given clock). It remembers only that a secret matched: whether the
 * credential is still active is read again on every use ({@link MerchantCredentials#recentlyVerified}). Only
 * successes are cached: a wrong secret never lands here. A TTL of zero remembers nothing.
 */
final class VerifiedSecrets {
    private final Duration ttl;
    private final Cache<String, MerchantPrincipal> entries;

    VerifiedSecrets(Clock clock, Duration ttl, int maxEntries) {
        this.ttl = ttl;
        // Maintenance (eviction) runs on the calling thread, so the bound holds as soon as a call returns.
        this.entries = Caffeine.newBuilder().ticker(ClockTicker.of(clock)).executor(Runnable::run)
                .expireAfterWrite(ttl).maximumSize(maxEntries).build();
    }

    Optional<MerchantPrincipal> find(String credentialId, String secret) {
        return Optional.ofNullable(entries.getIfPresent(key(credentialId, secret)));
    }

    void remember(String credentialId, String secret, MerchantPrincipal principal) {
        if (!ttl.isZero()) {
            entries.put(key(credentialId, secret), principal);
        }
    }

    void forgetCredential(String credentialId) {
        entries.asMap().values().removeIf(p -> p.credentialId().equals(credentialId));
    }

    int size() {
        entries.cleanUp();
        return Math.toIntExact(entries.estimatedSize());
    }

    private static String key(String credentialId, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(credentialId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
