package io.loyaltyhub.domain.merchant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Successful Argon2id verifications remembered briefly, so that a merchant's script downloading several reports
 * does not pay ~50 ms of CPU per request. Keyed by SHA-256 of "credential id : secret" (the secret itself is
 * never kept), bounded in size (least recently used out) and in time (an entry expires after the TTL, so a
 * revoked credential stops working within it). Only successes are cached: a wrong secret never lands here.
 */
final class VerifiedSecrets {
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final Map<String, Entry> entries;

    private record Entry(MerchantPrincipal principal, Instant expires) {
    }

    VerifiedSecrets(Clock clock, Duration ttl, int maxEntries) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > VerifiedSecrets.this.maxEntries;
            }
        };
    }

    synchronized Optional<MerchantPrincipal> find(String credentialId, String secret) {
        if (ttl.isZero()) {
            return Optional.empty();
        }
        String key = key(credentialId, secret);
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(e.expires())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(e.principal());
    }

    synchronized void remember(String credentialId, String secret, MerchantPrincipal principal) {
        if (!ttl.isZero()) {
            entries.put(key(credentialId, secret), new Entry(principal, clock.instant().plus(ttl)));
        }
    }

    synchronized void forgetCredential(String credentialId) {
        entries.values().removeIf(e -> e.principal().credentialId().equals(credentialId));
    }

    synchronized int size() {
        return entries.size();
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
