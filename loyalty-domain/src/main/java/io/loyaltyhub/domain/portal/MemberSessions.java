package io.loyaltyhub.domain.portal;

import io.loyaltyhub.domain.persistence.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Signed-in shoppers' sessions on the member page ({@code member_session}, coalition data), kept by the portal's one
 * {@link SessionStore}: the cookie is a 256-bit random token of which only the SHA-256 is stored.
 */
public final class MemberSessions {
    /** A member's session as the browser holds it, and the account it opens. */
    public record MemberSession(String cookie, String csrfToken, long accountId) {
        @Override
        public String toString() {
            return "MemberSession[" + accountId + "]";
        }
    }

    private final SessionStore<Long> store;

    public MemberSessions(Database database, Clock clock, Duration idle, Duration maxAge) {
        this.store = new SessionStore<>(CoalitionSessionRows.members(database, Long::longValue, Optional::of), clock,
                idle, maxAge);
    }

    public Duration maxAge() {
        return store.maxAge();
    }

    public MemberSession open(long accountId) {
        return session(store.open(accountId));
    }

    public Optional<MemberSession> find(String cookie) {
        return store.find(cookie).map(MemberSessions::session);
    }

    public void close(String cookie) {
        store.close(cookie);
    }

    private static MemberSession session(SessionStore.Session<Long> s) {
        return new MemberSession(s.cookie(), s.csrfToken(), s.owner());
    }
}
