package io.loyaltyhub.domain.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.MovableClock;
import io.loyaltyhub.domain.testing.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MerchantCredentialsTest {
    private Database database;
    private MerchantId a;
    private MerchantId b;
    private final MovableClock clock = new MovableClock();
    private MerchantCredentials credentials;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.h2());
        CoalitionFixture coalition = new CoalitionFixture(database);
        a = coalition.merchant("credA").id();
        b = coalition.merchant("credB").id();
        // A cheap Argon2id cost for tests; the hub uses Argon2idHasher.recommended().
        credentials = new MerchantCredentials(database, IdGenerator.forNode(5), clock, new Argon2idHasher(64, 1, 1),
                Duration.ofSeconds(60), 2);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aCredentialAuthenticatesItsOwnMerchantOnly() {
        MerchantCredential ofA = credentials.issue(a);
        MerchantCredential ofB = credentials.issue(b);
        assertThat(ofA.toString()).doesNotContain(ofA.secret());
        assertThat(credentials.authenticate(ofA.credentialId(), ofA.secret()))
                .hasValue(new MerchantPrincipal(a, ofA.credentialId()));
        assertThat(credentials.authenticate(ofB.credentialId(), ofB.secret()))
                .hasValue(new MerchantPrincipal(b, ofB.credentialId()));
        assertThat(credentials.authenticate(ofA.credentialId(), ofB.secret())).isEmpty();
        assertThat(credentials.authenticate(ofB.credentialId(), ofA.secret())).isEmpty();
        assertThat(credentials.authenticate("mrc-nope", ofA.secret())).isEmpty();
        assertThat(credentials.issued(a)).extracting(MerchantCredentials.IssuedCredential::credentialId)
                .containsExactly(ofA.credentialId());
        String stored = database.inMerchantTransaction(a, s -> s.createSelectionQuery(
                "select secretHash from MerchantCredentialEntity", String.class).getSingleResult());
        assertThat(stored).startsWith("$argon2id$").doesNotContain(ofA.secret());
    }

    @Test
    void aRevokedCredentialAuthenticatesNothingAndOnlyItsOwnMerchantCanRevokeIt() {
        MerchantCredential ofA = credentials.issue(a);
        assertThat(credentials.authenticate(ofA.credentialId(), ofA.secret())).isPresent();

        assertThat(credentials.revoke(b, ofA.credentialId())).as("merchant B cannot revoke A's credential").isFalse();
        assertThat(credentials.authenticate(ofA.credentialId(), ofA.secret())).isPresent();
        assertThat(credentials.revoke(a, ofA.credentialId())).isTrue();

        assertThat(credentials.authenticate(ofA.credentialId(), ofA.secret()))
                .as("no longer accepted, not even from this node's cache").isEmpty();
        assertThat(credentials.revoke(a, ofA.credentialId())).as("already revoked").isFalse();
        assertThat(credentials.issued(a)).as("kept for the audit, marked revoked")
                .containsExactly(new MerchantCredentials.IssuedCredential(ofA.credentialId(),
                        java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC), false));
    }

    @Test
    void aCredentialRevokedOnAnotherNodeStopsWorkingHereAtOnceThoughThisNodeRemembersItsSecret() {
        MerchantCredentials otherNode = new MerchantCredentials(database, IdGenerator.forNode(6), clock,
                new Argon2idHasher(64, 1, 1), Duration.ofSeconds(60), 2);
        MerchantCredential ofA = credentials.issue(a);
        MerchantCredential second = credentials.issue(a);
        assertThat(credentials.authenticate(ofA.credentialId(), ofA.secret())).isPresent();
        assertThat(credentials.authenticate(second.credentialId(), second.secret())).isPresent();
        assertThat(credentials.cachedVerifications()).isEqualTo(2);

        assertThat(otherNode.revoke(a, ofA.credentialId())).isTrue();

        assertThat(credentials.recentlyVerified(ofA.credentialId(), ofA.secret())).isEmpty();
        assertThat(credentials.authenticate(ofA.credentialId(), ofA.secret())).isEmpty();
        assertThat(credentials.cachedVerifications()).as("the revoked one forgotten").isEqualTo(1);
        assertThat(credentials.recentlyVerified(second.credentialId(), second.secret()))
                .as("the merchant's other credential is still remembered")
                .hasValue(new MerchantPrincipal(a, second.credentialId()));
        assertThat(credentials.issued(a)).extracting(MerchantCredentials.IssuedCredential::active).containsExactly(false, true);
    }

    @Test
    void onlySuccessesAreCachedBoundedAndForAWhile() {
        MerchantCredential ofA = credentials.issue(a);
        credentials.authenticate(ofA.credentialId(), "wrong");
        assertThat(credentials.cachedVerifications()).isZero();
        credentials.authenticate(ofA.credentialId(), ofA.secret());
        assertThat(credentials.cachedVerifications()).isEqualTo(1);

        MerchantCredential second = credentials.issue(a);
        MerchantCredential third = credentials.issue(b);
        credentials.authenticate(second.credentialId(), second.secret());
        credentials.authenticate(third.credentialId(), third.secret());
        assertThat(credentials.cachedVerifications()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(59));
        assertThat(credentials.recentlyVerified(third.credentialId(), third.secret())).as("within the TTL").isPresent();
        clock.advance(Duration.ofSeconds(2));
        assertThat(credentials.recentlyVerified(third.credentialId(), third.secret())).as("forgotten after the TTL").isEmpty();
        assertThat(credentials.authenticate(third.credentialId(), third.secret())).isPresent(); // verified again
        assertThat(credentials.authenticate(third.credentialId(), third.secret() + "x")).isEmpty();
    }
}
