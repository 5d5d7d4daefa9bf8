package io.loyaltyhub.domain.portal;

import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.crypto.SecretHasher;
import io.loyaltyhub.domain.crypto.Totp;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.entity.MerchantUserEntity;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The people of a merchant who sign in to the portal. The operator creates them (the password is generated and shown
 * once, or given); they sign in with the merchant's code, their user name, the password and, when they have one, a
 * TOTP code. Every look-up is in a session opened for the merchant: a user name of another merchant is not found.
 */
public final class MerchantUsers {
    public static final int MIN_PASSWORD_LENGTH = PersonCredentials.MIN_PASSWORD_LENGTH;

    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final Argon2idHasher hasher;

    public MerchantUsers(Database database, IdGenerator ids, Clock clock, Argon2idHasher hasher) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.hasher = hasher;
    }

    /**
     * @param password the password, or null for a generated one (returned once)
     * @param withTotp whether the user needs a TOTP code too (the secret is returned once)
     * @throws IllegalArgumentException for a malformed user name, a short password or a name the merchant already has
     */
    public NewMerchantUser add(MerchantId merchant, String username, String displayName, String password, boolean withTotp) {
        PersonCredentials.requireNames(username, displayName);
        String secret = PersonCredentials.passwordOrGenerated(password);
        String totp = withTotp ? Totp.newSecret() : null;
        long id = ids.nextId();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        database.inMerchantTransaction(merchant, s -> {
            if (find(s, username).isPresent()) {
                throw new IllegalArgumentException("merchant already has a user " + username);
            }
            s.persist(new MerchantUserEntity(id, username, displayName, hasher.hash(secret), totp, now));
            return null;
        });
        return new NewMerchantUser(new MerchantUser(merchant, id, username, displayName), secret, totp);
    }

    /** This merchant's users' names, in the order they were created. */
    public List<String> usernames(MerchantId merchant) {
        return database.inMerchantTransaction(merchant, s -> s.createSelectionQuery(
                "select username from MerchantUserEntity order by createdAt, id", String.class).getResultList());
    }

    /** Disables a user of this merchant; false when the merchant has no active user of that name. */
    public boolean disable(MerchantId merchant, String username) {
        return database.inMerchantTransaction(merchant, s -> find(s, username).filter(MerchantUserEntity::isActive)
                .map(u -> {
                    u.disable();
                    return true;
                }).orElse(false));
    }

    /**
     * Gives an active user of this merchant a new generated password (shown once); the old one stops working.
     *
     * @return the new password, or empty when the merchant has no active user of that name
     */
    public Optional<String> resetPassword(MerchantId merchant, String username) {
        String secret = SecretHasher.newSecret();
        String hash = hasher.hash(secret);
        return database.inMerchantTransaction(merchant, s -> find(s, username).filter(MerchantUserEntity::isActive)
                .map(u -> {
                    u.setPasswordHash(hash);
                    return secret;
                }));
    }

    /**
     * The user when the password (and, for a user with a second factor, the TOTP code) is right; empty otherwise,
     * for any reason, after the same Argon2id work.
     */
    public Optional<MerchantUser> signIn(MerchantId merchant, String username, String password, String totpCode) {
        if (!PersonCredentials.plausible(username, password)) {
            return Optional.empty();
        }
        Optional<MerchantUserEntity> stored = database.inMerchantTransaction(merchant, s -> find(s, username))
                .filter(MerchantUserEntity::isActive);
        boolean right = PersonCredentials.matches(stored.map(MerchantUserEntity::getPasswordHash).orElse(null),
                stored.map(MerchantUserEntity::getTotpSecret).orElse(null), password, totpCode, clock.instant());
        return right ? stored.map(u -> new MerchantUser(merchant, u.getId(), u.getUsername(), u.getDisplayName()))
                : Optional.empty();
    }

    /**
     * A sign-in at a merchant that does not exist: refused after the same Argon2id work as a wrong password, so that
     * merchant codes cannot be probed by timing.
     */
    public Optional<MerchantUser> refuse(String password) {
        PersonCredentials.matches(null, null, password, null, clock.instant());
        return Optional.empty();
    }

    /** The active user of this merchant with this id (a session's user), or empty. */
    Optional<MerchantUser> byId(MerchantId merchant, long id) {
        return database.inMerchantTransaction(merchant, s -> s.createSelectionQuery(
                        "from MerchantUserEntity where id = :id", MerchantUserEntity.class)
                .setParameter("id", id).uniqueResultOptional()
                .filter(MerchantUserEntity::isActive)
                .map(u -> new MerchantUser(merchant, u.getId(), u.getUsername(), u.getDisplayName())));
    }

    private static Optional<MerchantUserEntity> find(org.hibernate.Session s, String username) {
        return s.createSelectionQuery("from MerchantUserEntity where username = :name", MerchantUserEntity.class)
                .setParameter("name", username).uniqueResultOptional();
    }
}
