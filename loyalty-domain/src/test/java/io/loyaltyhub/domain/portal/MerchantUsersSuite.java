package io.loyaltyhub.domain.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.crypto.Totp;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.CoalitionFixture.TestMerchant;
import io.loyaltyhub.domain.testing.MovableClock;
import io.loyaltyhub.domain.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Merchant users and their sessions, on every database: merchant B signs in to nothing of merchant A's. */
abstract class MerchantUsersSuite {
    private static final String PASSWORD = "correct horse battery";

    private DatabaseConfig config;
    private Database database;
    private TestMerchant a;
    private TestMerchant b;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T09:00:00Z"));
    private MerchantUsers users;
    private MerchantUserSessions sessions;

    abstract DatabaseConfig newDatabase();

    @BeforeEach
    void twoMerchants() {
        config = newDatabase();
        database = Database.open(config);
        CoalitionFixture coalition = new CoalitionFixture(database);
        a = coalition.merchant("A");
        b = coalition.merchant("B");
        IdGenerator ids = IdGenerator.forNode(7);
        users = new MerchantUsers(database, ids, clock, new Argon2idHasher(64, 1, 1));
        sessions = new MerchantUserSessions(database, ids, clock, users, Duration.ofMinutes(30), Duration.ofHours(12));
    }

    @AfterEach
    void close() {
        database.close();
        TestDatabases.dropMySql(config);
    }

    @Test
    void aUserSignsInWithTheRightPasswordAtItsOwnMerchantOnly() {
        users.add(a.id(), "alice", "Alice Tan", PASSWORD, false);

        assertThat(users.signIn(a.id(), "alice", PASSWORD, null)).get()
                .satisfies(u -> {
                    assertThat(u.merchant()).isEqualTo(a.id());
                    assertThat(u.displayName()).isEqualTo("Alice Tan");
                    assertThat(u.principal().credentialId()).isEqualTo("user:alice");
                });
        assertThat(users.signIn(a.id(), "alice", PASSWORD + "x", null)).isEmpty();
        assertThat(users.signIn(b.id(), "alice", PASSWORD, null)).isEmpty();
        assertThat(users.signIn(a.id(), "bob", PASSWORD, null)).isEmpty();
    }

    @Test
    void theSameNameMayExistAtTwoMerchantsButNotTwiceAtOne() {
        users.add(a.id(), "alice", "Alice at A", PASSWORD, false);
        users.add(b.id(), "alice", "Alice at B", PASSWORD + " b", false);

        assertThat(users.signIn(b.id(), "alice", PASSWORD, null)).isEmpty();
        assertThat(users.signIn(b.id(), "alice", PASSWORD + " b", null)).get()
                .extracting(MerchantUser::displayName).isEqualTo("Alice at B");
        assertThatThrownBy(() -> users.add(a.id(), "alice", "again", PASSWORD, false))
                .hasMessageContaining("already has a user alice");
    }

    @Test
    void passwordsAreStoredOnlyAsArgon2idAndMustBeLongEnough() {
        NewMerchantUser made = users.add(a.id(), "carol", "Carol", null, false);

        assertThat(made.password()).hasSizeGreaterThanOrEqualTo(MerchantUsers.MIN_PASSWORD_LENGTH);
        assertThat(users.signIn(a.id(), "carol", made.password(), null)).isPresent();
        assertThatThrownBy(() -> users.add(a.id(), "dave", "Dave", "short", false)).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> users.add(a.id(), "Bad Name", "Dave", PASSWORD, false)).hasMessageContaining("user name");
    }

    @Test
    void aResetPasswordReplacesTheOldOneForThatMerchantsUserOnly() {
        users.add(a.id(), "alice", "Alice", PASSWORD, false);

        String fresh = users.resetPassword(a.id(), "alice").orElseThrow();

        assertThat(users.signIn(a.id(), "alice", PASSWORD, null)).isEmpty();
        assertThat(users.signIn(a.id(), "alice", fresh, null)).isPresent();
        assertThat(users.resetPassword(b.id(), "alice")).isEmpty();
    }

    @Test
    void aUserWithASecondFactorNeedsTheCurrentCode() {
        NewMerchantUser made = users.add(a.id(), "erin", "Erin", PASSWORD, true);

        assertThat(made.totpSecret()).isNotNull();
        assertThat(users.signIn(a.id(), "erin", PASSWORD, null)).isEmpty();
        assertThat(users.signIn(a.id(), "erin", PASSWORD, "000000".equals(Totp.codeAt(made.totpSecret(), clock.instant()))
                ? "111111" : "000000")).isEmpty();
        assertThat(users.signIn(a.id(), "erin", PASSWORD, Totp.codeAt(made.totpSecret(), clock.instant()))).isPresent();
        String old = Totp.codeAt(made.totpSecret(), clock.instant());
        clock.advance(Duration.ofMinutes(5));
        assertThat(users.signIn(a.id(), "erin", PASSWORD, old)).isEmpty();
    }

    @Test
    void aDisabledUserCannotSignInAndItsSessionsEnd() {
        MerchantUser alice = users.add(a.id(), "alice", "Alice", PASSWORD, false).user();
        PortalSession session = sessions.open(alice);

        assertThat(users.disable(a.id(), "alice")).isTrue();

        assertThat(users.signIn(a.id(), "alice", PASSWORD, null)).isEmpty();
        assertThat(sessions.find(session.cookie())).isEmpty();
        assertThat(users.disable(b.id(), "alice")).isFalse();
    }

    @Test
    void aSessionIsFoundByItsCookieAndCarriesItsMerchantAndCsrfToken() {
        MerchantUser alice = users.add(a.id(), "alice", "Alice", PASSWORD, false).user();
        PortalSession opened = sessions.open(alice);

        assertThat(opened.cookie()).startsWith(a.id().value() + ".");
        assertThat(sessions.find(opened.cookie())).get().satisfies(s -> {
            assertThat(s.user().merchant()).isEqualTo(a.id());
            assertThat(s.csrfToken()).isEqualTo(opened.csrfToken());
        });
    }

    @Test
    void aCookieWhoseMerchantPartWasChangedFindsNothing() {
        PortalSession opened = sessions.open(users.add(a.id(), "alice", "Alice", PASSWORD, false).user());
        String token = opened.cookie().substring(opened.cookie().indexOf('.') + 1);

        assertThat(sessions.find(b.id().value() + "." + token)).isEmpty();
        assertThat(sessions.find("x." + token)).isEmpty();
        assertThat(sessions.find(a.id().value() + "." + token + "x")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    @Test
    void aSessionEndsWhenIdleTooLongAtItsMaximumAgeAndAtSignOut() {
        MerchantUser alice = users.add(a.id(), "alice", "Alice", PASSWORD, false).user();

        PortalSession idle = sessions.open(alice);
        clock.advance(Duration.ofMinutes(31));
        assertThat(sessions.find(idle.cookie())).isEmpty();

        PortalSession busy = sessions.open(alice);
        for (int i = 0; i < 24; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(sessions.find(busy.cookie())).as("after %d minutes of use", 29 * (i + 1)).isPresent();
        }
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(busy.cookie())).as("past twelve hours").isEmpty();

        PortalSession signedOut = sessions.open(alice);
        sessions.close(signedOut.cookie());
        assertThat(sessions.find(signedOut.cookie())).isEmpty();
    }
}
