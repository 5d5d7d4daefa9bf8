package io.loyaltyhub.domain.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.CoalitionFixture.TestMerchant;
import io.loyaltyhub.domain.testing.TwoNodes;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared nonce store: a nonce is used once per terminal until it expires, whichever node (here: whichever
 * {@link Database} pool, as two nodes have) records it; expired nonces are taken over and deleted.
 */
abstract class UsedRequestNoncesSuite {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final String NONCE = "nonce-0123456789abcdef";

    private TwoNodes nodes;
    private Database nodeOne;
    private Database nodeTwo;
    private TestMerchant a;
    private TestMerchant b;

    abstract DatabaseConfig newDatabase();

    @BeforeEach
    void twoNodesOnOneDatabase() {
        nodes = new TwoNodes(newDatabase());
        nodeOne = nodes.one();
        nodeTwo = nodes.two();
        CoalitionFixture coalition = new CoalitionFixture(nodeOne);
        a = coalition.merchant("A");
        b = coalition.merchant("B");
    }

    @AfterEach
    void close() {
        nodes.close();
    }

    @Test
    void aNonceUsedOnOneNodeIsRefusedOnTheOther() {
        UsedRequestNonces one = new UsedRequestNonces(nodeOne);
        UsedRequestNonces two = new UsedRequestNonces(nodeTwo);

        assertThat(one.useOnce(a.id(), a.terminal(), NONCE, NOW, NOW.plus(WINDOW))).isTrue();

        assertThat(two.useOnce(a.id(), a.terminal(), NONCE, NOW.plusSeconds(1), NOW.plus(WINDOW))).as("replayed to node two").isFalse();
        assertThat(one.useOnce(a.id(), a.terminal(), NONCE, NOW.plusSeconds(2), NOW.plus(WINDOW))).as("replayed to node one").isFalse();
        assertThat(two.useOnce(b.id(), b.terminal(), NONCE, NOW, NOW.plus(WINDOW))).as("another terminal's nonce").isTrue();
    }

    @Test
    void anExpiredNonceMayBeUsedAgainAndIsDeletedBySweeping() {
        UsedRequestNonces one = new UsedRequestNonces(nodeOne);
        UsedRequestNonces two = new UsedRequestNonces(nodeTwo);
        one.useOnce(a.id(), a.terminal(), NONCE, NOW, NOW.plus(WINDOW));
        one.useOnce(a.id(), a.terminal(), "other-nonce-0123456789", NOW, NOW.plus(WINDOW.multipliedBy(3)));

        Instant later = NOW.plus(WINDOW).plusSeconds(1);
        assertThat(two.useOnce(a.id(), a.terminal(), NONCE, later, later.plus(WINDOW))).as("expired: taken over").isTrue();
        assertThat(one.useOnce(a.id(), a.terminal(), NONCE, later, later.plus(WINDOW))).as("and now used again").isFalse();

        assertThat(two.forgetExpired(later.plus(WINDOW).plusSeconds(1))).as("the taken-over nonce, once it expired too").isEqualTo(1);
        assertThat(one.useOnce(a.id(), a.terminal(), "other-nonce-0123456789", later, later.plus(WINDOW)))
                .as("the nonce that had not expired is kept").isFalse();
    }
}
