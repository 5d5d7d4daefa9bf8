package io.loyaltyhub.domain.portal;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.entity.MerchantUserSessionEntity;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Merchant users' browser sessions, kept by the portal's one {@link SessionStore} in the tenant table
 * {@code merchant_user_session} (so any hub node serves them, and a restart keeps them). The cookie is
 * {@code <merchant id>.<256-bit random token>}: the merchant part only chooses which merchant's sessions are searched
 * (a session is found by the token's SHA-256 among that merchant's rows), so a cookie whose merchant part was changed
 * finds nothing.
 */
public final class MerchantUserSessions {
    private final SessionStore<MerchantUser> store;

    public MerchantUserSessions(Database database, IdGenerator ids, Clock clock, MerchantUsers users, Duration idle,
                                Duration maxAge) {
        this.store = new SessionStore<>(new Rows(database, ids, users), clock, idle, maxAge);
    }

    public Duration maxAge() {
        return store.maxAge();
    }

    public PortalSession open(MerchantUser user) {
        return session(store.open(user));
    }

    /** The live session of this cookie (its idle clock restarted), or empty: unknown, expired, idle or malformed. */
    public Optional<PortalSession> find(String cookie) {
        return store.find(cookie).map(MerchantUserSessions::session);
    }

    /** Ends the session of this cookie (sign-out); nothing happens for an unknown one. */
    public void close(String cookie) {
        store.close(cookie);
    }

    private static PortalSession session(SessionStore.Session<MerchantUser> s) {
        return new PortalSession(s.cookie(), s.csrfToken(), s.owner());
    }

    /** The rows in the merchant's own session: Hibernate sets and checks the tenant column. */
    private record Rows(Database database, IdGenerator ids, MerchantUsers users)
            implements SessionStore.SessionRows<MerchantUser> {
        @Override
        public String scopeOf(MerchantUser user) {
            return Long.toString(user.merchant().value());
        }

        @Override
        public boolean validScope(String scope) {
            if (scope.isEmpty() || scope.length() > 19 || !scope.chars().allMatch(Character::isDigit)) {
                return false;
            }
            try {
                return Long.parseLong(scope) > 0;
            } catch (NumberFormatException tooLarge) {
                return false;
            }
        }

        @Override
        public void insert(MerchantUser user, String tokenHash, String csrfToken, LocalDateTime now, LocalDateTime expiresAt) {
            long id = ids.nextId();
            database.inMerchantTransaction(user.merchant(), s -> {
                s.persist(new MerchantUserSessionEntity(id, tokenHash, user.id(), csrfToken, now, expiresAt));
                return null;
            });
        }

        @Override
        public Optional<SessionStore.Row> find(String scope, String tokenHash) {
            return database.inMerchantTransaction(merchant(scope), s -> byHash(s, tokenHash)
                    .map(e -> new SessionStore.Row(e.getUserId(), e.getCsrfToken(), e.getLastSeenAt(), e.getExpiresAt())));
        }

        @Override
        public void touch(String scope, String tokenHash, LocalDateTime now) {
            database.inMerchantTransaction(merchant(scope), s -> {
                byHash(s, tokenHash).ifPresent(e -> e.seenAt(now));
                return null;
            });
        }

        @Override
        public void delete(String scope, String tokenHash) {
            database.inMerchantTransaction(merchant(scope), s -> s.createMutationQuery(
                    "delete from MerchantUserSessionEntity where tokenHash = :hash")
                    .setParameter("hash", tokenHash).executeUpdate());
        }

        @Override
        public Optional<MerchantUser> owner(String scope, long ownerId) {
            return users.byId(merchant(scope), ownerId);
        }

        private static MerchantId merchant(String scope) {
            return new MerchantId(Long.parseLong(scope));
        }

        private static Optional<MerchantUserSessionEntity> byHash(org.hibernate.Session s, String tokenHash) {
            return s.createSelectionQuery("from MerchantUserSessionEntity where tokenHash = :hash",
                    MerchantUserSessionEntity.class).setParameter("hash", tokenHash).uniqueResultOptional();
        }
    }
}
