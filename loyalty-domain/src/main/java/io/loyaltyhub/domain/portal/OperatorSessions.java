package io.loyaltyhub.domain.portal;

import io.loyaltyhub.domain.persistence.Database;
import java.time.Clock;
import java.time.Duration;

/**
 * Operator users' console sessions ({@code operator_session}, coalition data), kept by the portal's one
 * {@link SessionStore}; a disabled user's sessions end with her ({@link OperatorUsers#disable}).
 */
public final class OperatorSessions {
    private OperatorSessions() {
    }

    public static SessionStore<OperatorUser> store(Database database, OperatorUsers users, Clock clock, Duration idle,
                                                   Duration maxAge) {
        return new SessionStore<>(CoalitionSessionRows.operators(database, OperatorUser::id, users::activeById), clock,
                idle, maxAge);
    }
}
