package io.loyaltyhub.domain.merchant;

import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.crypto.SecretHasher;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.entity.MerchantCredentialEntity;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Merchants' report credentials: issued by the operator, presented by merchants as HTTP Basic (credential id :
 * secret). The credential decides the merchant; nothing in a request can change it.
 */
public final class MerchantCredentials {
    /** Verified when the credential id is unknown, so an unknown id costs as much as a wrong secret. */
    private static final String DUMMY_HASH = Argon2idHasher.recommended().hash("no such credential");

    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final Argon2idHasher hasher;
    private final VerifiedSecrets verified;

    public MerchantCredentials(Database database, IdGenerator ids, Clock clock, Argon2idHasher hasher, Duration cacheTtl,
                               int cacheEntries) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.hasher = hasher;
        this.verified = new VerifiedSecrets(clock, cacheTtl, cacheEntries);
    }

    public MerchantCredential issue(MerchantId merchant) {
        return database.inMerchantTransaction(merchant, s -> issue(s, merchant));
    }

    /**
     * Issues within a transaction already open (onboarding a merchant).
     *
     * @param merchantSession a session of {@code merchant}
     */
    public MerchantCredential issue(Session merchantSession, MerchantId merchant) {
        String credentialId = SecretHasher.newCredentialId("mrc-");
        String secret = SecretHasher.newSecret();
        merchantSession.persist(new MerchantCredentialEntity(ids.nextId(), credentialId, hasher.hash(secret),
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
        return new MerchantCredential(merchant, credentialId, secret);
    }

    /** One of a merchant's report credentials as the operator sees it: never its secret. */
    public record IssuedCredential(String credentialId, LocalDateTime issuedAt, boolean active) {
    }

    /** This merchant's credentials, revoked ones included (the download audit names them), oldest first. */
    public List<IssuedCredential> issued(MerchantId merchant) {
        return database.inMerchantTransaction(merchant, s -> s.createSelectionQuery(
                        "from MerchantCredentialEntity order by createdAt, id", MerchantCredentialEntity.class)
                .getResultStream()
                .map(c -> new IssuedCredential(c.getCredentialId(), c.getCreatedAt(), c.isActive()))
                .toList());
    }

    /**
     * Revokes one of this merchant's credentials. Another merchant's credential id is not found (the look-up is
     * merchant-scoped), so it is left alone. Every hub stops accepting it at once: a remembered verification is used
     * only while the credential is still active ({@link #recentlyVerified}).
     *
     * @return whether an active credential of this merchant was revoked
     */
    public boolean revoke(MerchantId merchant, String credentialId) {
        boolean revoked = database.inMerchantTransaction(merchant, s -> s.createSelectionQuery(
                        "from MerchantCredentialEntity where credentialId = :id", MerchantCredentialEntity.class)
                .setParameter("id", credentialId).uniqueResultOptional()
                .filter(MerchantCredentialEntity::isActive)
                .map(c -> {
                    c.revoke();
                    return true;
                }).orElse(false));
        verified.forgetCredential(credentialId);
        return revoked;
    }

    /**
     * The merchant of a credential verified within the cache time, without hashing anything (empty when it was not,
     * which says nothing about whether it is right): lets the edge tell a returning merchant from a login that needs
     * the slow Argon2id verification of {@link #authenticate}.
     */
    public Optional<MerchantPrincipal> recentlyVerified(String credentialId, String secret) {
        if (credentialId == null || secret == null) {
            return Optional.empty();
        }
        return verified.find(credentialId, secret).filter(this::stillActive);
    }

    /**
     * Whether a remembered credential is still active: one indexed read in its merchant's session, so a credential
     * revoked on any node (console, CLI, another hub) stops working at once, while the Argon2id verification the
     * cache saves stays saved.
     */
    private boolean stillActive(MerchantPrincipal remembered) {
        boolean active = database.inMerchantTransaction(remembered.merchant(), s -> s.createSelectionQuery(
                        "select status from MerchantCredentialEntity where credentialId = :id", String.class)
                .setParameter("id", remembered.credentialId()).uniqueResultOptional()
                .filter(MerchantCredentialEntity.ACTIVE::equals).isPresent());
        if (!active) {
            verified.forgetCredential(remembered.credentialId());
        }
        return active;
    }

    /** The merchant whose active credential this is, or empty for an unknown id or a wrong secret. */
    public Optional<MerchantPrincipal> authenticate(String credentialId, String secret) {
        if (credentialId == null || secret == null || credentialId.isBlank() || credentialId.length() > 40) {
            return Optional.empty();
        }
        Optional<MerchantPrincipal> cached = recentlyVerified(credentialId, secret);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<MerchantCredentialEntity> stored = findAcrossTenants(credentialId);
        if (stored.isEmpty() || !stored.get().isActive()) {
            Argon2idHasher.matches(secret, DUMMY_HASH);
            return Optional.empty();
        }
        if (!Argon2idHasher.matches(secret, stored.get().getSecretHash())) {
            return Optional.empty();
        }
        MerchantPrincipal principal = new MerchantPrincipal(new MerchantId(stored.get().getMerchantId()), credentialId);
        verified.remember(credentialId, secret, principal);
        return Optional.of(principal);
    }

    /**
     * Deliberately across tenants: at this point the merchant is what we are trying to find out. The row found
     * decides the merchant; it is never a merchant-supplied id.
     */
    private Optional<MerchantCredentialEntity> findAcrossTenants(String credentialId) {
        return database.inOperatorTransaction(s -> s.createSelectionQuery(
                        "from MerchantCredentialEntity where credentialId = :id", MerchantCredentialEntity.class)
                .setParameter("id", credentialId).uniqueResultOptional());
    }

    int cachedVerifications() {
        return verified.size();
    }
}
