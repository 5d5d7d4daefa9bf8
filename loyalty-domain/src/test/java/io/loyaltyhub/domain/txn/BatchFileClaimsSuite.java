package io.loyaltyhub.domain.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.TwoNodes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Claims on dropped files by two nodes (two pools on one database): one holder at a time, taken over after the lease. */
abstract class BatchFileClaimsSuite {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String FILE = "CSV:m1/6280000000000001.csv";

    private TwoNodes nodes;
    private Database nodeOne;
    private Database nodeTwo;

    abstract DatabaseConfig newDatabase();

    @BeforeEach
    void twoNodes() {
        nodes = new TwoNodes(newDatabase());
        nodeOne = nodes.one();
        nodeTwo = nodes.two();
    }

    @AfterEach
    void close() {
        nodes.close();
    }

    @Test
    void aFileIsHeldByOneNodeUntilItsClaimIsGivenUp() {
        BatchFileClaims one = new BatchFileClaims(nodeOne);
        BatchFileClaims two = new BatchFileClaims(nodeTwo);

        assertThat(one.claim(FILE, "one", NOW, NOW.plus(LEASE))).isTrue();
        assertThat(two.claim(FILE, "two", NOW, NOW.plus(LEASE))).as("held by node one").isFalse();
        assertThat(one.claim(FILE, "one", NOW, NOW.plus(LEASE))).as("its own claim, asked again").isTrue();
        assertThat(two.isHeld(FILE, NOW)).isTrue();

        one.release(FILE, "one");

        assertThat(two.isHeld(FILE, NOW)).isFalse();
        assertThat(two.claim(FILE, "two", NOW, NOW.plus(LEASE))).isTrue();
    }

    @Test
    void aLeaseThatRanOutIsTakenOverAndARenewedOneIsNot() {
        BatchFileClaims one = new BatchFileClaims(nodeOne);
        BatchFileClaims two = new BatchFileClaims(nodeTwo);
        one.claim(FILE, "one", NOW, NOW.plus(LEASE));
        one.claim("CSV:m1/other.csv", "one", NOW, NOW.plus(LEASE));

        one.renew(List.of("CSV:m1/other.csv"), "one", NOW.plus(LEASE.multipliedBy(2)));
        Instant later = NOW.plus(LEASE).plusSeconds(1);

        assertThat(two.claim(FILE, "two", later, later.plus(LEASE))).as("node one stopped renewing: taken over").isTrue();
        assertThat(two.claim("CSV:m1/other.csv", "two", later, later.plus(LEASE))).as("renewed: still node one's").isFalse();
        one.release(FILE, "one");
        assertThat(two.isHeld(FILE, later)).as("a node that lost its claim cannot give up the new holder's").isTrue();
    }

    @Test
    void theFileNameIsNeverStored() throws Exception {
        new BatchFileClaims(nodeOne).claim(FILE, "one", NOW, NOW.plus(LEASE));

        try (Connection c = nodeOne.connection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT claim_key FROM batch_file_claim")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).matches("[0-9a-f]{64}").doesNotContain("6280000000000001");
        }
    }
}
