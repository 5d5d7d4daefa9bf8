package io.loyaltyhub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.crypto.RequestSigning;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.terminal.UsedRequestNonces;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.MovableClock;
import io.loyaltyhub.domain.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The nonce check on its own, with a clock the test moves: it forgets nonces once they are too old to be accepted
 * anyway, and a nonce used on one node is refused on another node sharing the database.
 */
class RequestSignatureCheckTest {
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    private Database database;
    private TerminalIdentity till;
    private byte[] secret;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private RequestSignatureCheck check;

    @BeforeEach
    void setUp() {
        database = Database.open(TestDatabases.h2());
        CoalitionFixture.TestMerchant m = new CoalitionFixture(database).merchant("A");
        till = new TerminalIdentity(m.id(), "A", m.store(), "S1", m.terminal(), "T1");
        TerminalSigningKeys keys = new TerminalSigningKeys(database, new byte[32], clock, Duration.ZERO);
        secret = RequestSigning.secretFromText(keys.generate(m.id(), m.terminal()));
        check = new RequestSignatureCheck(keys, new UsedRequestNonces(database), false, WINDOW, clock);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void aNonceIsRefusedWithinTheWindowAndForgottenAfterIt() {
        Map<String, String> signed = RequestSigning.headers(secret, "POST", "/p", BODY, clock.instant());
        check.check(till, "POST", "/p", signed::get, BODY);
        assertThatThrownBy(() -> check.check(till, "POST", "/p", signed::get, BODY))
                .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.code()).isEqualTo("signature-replayed"));

        clock.advance(WINDOW.plusSeconds(1));
        assertThatThrownBy(() -> check.check(till, "POST", "/p", signed::get, BODY))
                .as("past the window the timestamp refuses it")
                .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.code()).isEqualTo("signature-expired"));

        clock.advance(WINDOW);
        Map<String, String> fresh = RequestSigning.headers(secret, "POST", "/p", BODY, clock.instant());
        check.check(till, "POST", "/p", fresh::get, BODY);
    }

    @Test
    void aReplayToAnotherNodeOnTheSameDatabaseIsRefused() {
        TerminalSigningKeys otherNodesKeys = new TerminalSigningKeys(database, new byte[32], clock, Duration.ZERO);
        RequestSignatureCheck otherNode = new RequestSignatureCheck(otherNodesKeys, new UsedRequestNonces(database), false,
                WINDOW, clock);
        Map<String, String> signed = RequestSigning.headers(secret, "POST", "/p", BODY, clock.instant());
        check.check(till, "POST", "/p", signed::get, BODY);

        assertThatThrownBy(() -> otherNode.check(till, "POST", "/p", signed::get, BODY))
                .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.code()).isEqualTo("signature-replayed"));
    }

    @Test
    void aRequestWithABadSignatureLeavesNoNonceBehind() {
        Map<String, String> signed = RequestSigning.headers(secret, "POST", "/p", BODY, clock.instant());
        Map<String, String> forged = new java.util.HashMap<>(signed);
        forged.put(RequestSigning.SIGNATURE, RequestSigning.headers(new byte[32], "POST", "/p", BODY, clock.instant())
                .get(RequestSigning.SIGNATURE));
        assertThatThrownBy(() -> check.check(till, "POST", "/p", forged::get, BODY))
                .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.code()).isEqualTo("signature-invalid"));

        check.check(till, "POST", "/p", signed::get, BODY);
    }
}
