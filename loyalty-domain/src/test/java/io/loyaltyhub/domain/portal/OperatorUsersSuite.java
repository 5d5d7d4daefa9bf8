package io.loyaltyhub.domain.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.crypto.Totp;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.MovableClock;
import io.loyaltyhub.domain.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operator users and the portal's one session store on every database: passwords and TOTP as for merchant users,
 * sessions that end idle, at their maximum age, at sign-out and with the user, and cookies of one kind of session
 * that open nothing of another.
 */
abstract class OperatorUsersSuite {
    private static final String PASSWORD = "operator password 1";

    private DatabaseConfig config;
    private Database database;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T09:00:00Z"));
    private OperatorUsers users;
    private SessionStore<OperatorUser> sessions;
    private MerchantUsers merchantUsers;
    private MerchantUserSessions merchantSessions;
    private CoalitionFixture.TestMerchant shop;

    abstract DatabaseConfig newDatabase();

    @BeforeEach
    void open() {
        config = newDatabase();
        database = Database.open(config);
        IdGenerator ids = IdGenerator.forNode(9);
        users = new OperatorUsers(database, ids, clock, new Argon2idHasher(64, 1, 1));
        sessions = OperatorSessions.store(database, users, clock, Duration.ofMinutes(30), Duration.ofHours(12));
        shop = new CoalitionFixture(database).merchant("A");
        merchantUsers = new MerchantUsers(database, ids, clock, new Argon2idHasher(64, 1, 1));
        merchantSessions = new MerchantUserSessions(database, ids, clock, merchantUsers, Duration.ofMinutes(30),
                Duration.ofHours(12));
    }

    @AfterEach
    void close() {
        database.close();
        TestDatabases.dropMySql(config);
    }

    @Test
    void anOperatorUserSignsInWithTheRightPasswordOnly() {
        OperatorUser olga = users.add("olga", "Olga Ng", PASSWORD, false).user();

        assertThat(users.signIn("olga", PASSWORD, null)).contains(olga);
        assertThat(olga.actor()).isEqualTo("console:olga");
        assertThat(users.signIn("olga", PASSWORD + "x", null)).isEmpty();
        assertThat(users.signIn("nobody", PASSWORD, null)).isEmpty();
        assertThatThrownBy(() -> users.add("olga", "again", PASSWORD, false)).hasMessageContaining("already");
        assertThatThrownBy(() -> users.add("short", "Short", "too short", false)).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> users.add("Bad Name", "Bad", PASSWORD, false)).hasMessageContaining("user name");
        String stored = database.<String>inJdbcTransaction("read", c -> {
            try (var ps = c.prepareStatement("SELECT password_hash FROM operator_user WHERE username = 'olga'");
                 var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(stored).startsWith("$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void aMerchantUsersNameAndPasswordAreNoOperatorUser() {
        merchantUsers.add(shop.id(), "alice", "Alice", PASSWORD, false);

        assertThat(users.signIn("alice", PASSWORD, null)).isEmpty();
    }

    @Test
    void aUserWithASecondFactorNeedsTheCurrentCodeAndAGeneratedPasswordIsLongEnough() {
        NewOperatorUser made = users.add("tom", "Tom", null, true);

        assertThat(made.password()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(users.signIn("tom", made.password(), null)).isEmpty();
        assertThat(users.signIn("tom", made.password(), Totp.codeAt(made.totpSecret(), clock.instant()))).isPresent();
    }

    @Test
    void aResetPasswordReplacesTheOldOne() {
        users.add("olga", "Olga", PASSWORD, false);

        String fresh = users.resetPassword("olga").orElseThrow();

        assertThat(users.signIn("olga", PASSWORD, null)).isEmpty();
        assertThat(users.signIn("olga", fresh, null)).isPresent();
        assertThat(users.resetPassword("nobody")).isEmpty();
    }

    @Test
    void aDisabledUserCannotSignInAndHerSessionsEnd() {
        OperatorUser olga = users.add("olga", "Olga", PASSWORD, false).user();
        SessionStore.Session<OperatorUser> session = sessions.open(olga);
        assertThat(sessions.find(session.cookie())).isPresent();

        assertThat(users.disable("olga")).isTrue();

        assertThat(sessions.find(session.cookie())).isEmpty();
        assertThat(users.signIn("olga", PASSWORD, null)).isEmpty();
        assertThat(users.disable("olga")).isFalse();
    }

    @Test
    void aSessionEndsWhenIdleTooLongAtItsMaximumAgeAndAtSignOut() {
        OperatorUser olga = users.add("olga", "Olga", PASSWORD, false).user();

        SessionStore.Session<OperatorUser> idle = sessions.open(olga);
        assertThat(sessions.find(idle.cookie())).get().satisfies(s -> {
            assertThat(s.owner()).isEqualTo(olga);
            assertThat(s.csrfToken()).isEqualTo(idle.csrfToken());
        });
        clock.advance(Duration.ofMinutes(31));
        assertThat(sessions.find(idle.cookie())).isEmpty();

        SessionStore.Session<OperatorUser> busy = sessions.open(olga);
        for (int i = 0; i < 24; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(sessions.find(busy.cookie())).as("after %d minutes of use", 29 * (i + 1)).isPresent();
        }
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(busy.cookie())).as("past twelve hours").isEmpty();

        SessionStore.Session<OperatorUser> signedOut = sessions.open(olga);
        sessions.close(signedOut.cookie());
        assertThat(sessions.find(signedOut.cookie())).isEmpty();
    }

    @Test
    void aMerchantUsersSessionCookieOpensNoOperatorSessionAndTheOtherWayRound() {
        OperatorUser olga = users.add("olga", "Olga", PASSWORD, false).user();
        MerchantUser alice = merchantUsers.add(shop.id(), "alice", "Alice", PASSWORD, false).user();
        String merchantCookie = merchantSessions.open(alice).cookie();
        String operatorCookie = sessions.open(olga).cookie();

        assertThat(sessions.find(merchantCookie)).isEmpty();
        assertThat(sessions.find(merchantCookie.substring(merchantCookie.indexOf('.') + 1))).isEmpty();
        assertThat(merchantSessions.find(operatorCookie)).isEmpty();
        assertThat(merchantSessions.find(shop.id().value() + "." + operatorCookie)).isEmpty();
        assertThat(sessions.find("x." + operatorCookie)).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }
}
