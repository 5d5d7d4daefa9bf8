package io.loyaltyhub.domain.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.admin.TerminalCredential;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.MovableClock;
import io.loyaltyhub.domain.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The terminal cache on a clock the test moves: entries are refreshed once older than the TTL; while the database
 * cannot answer (here: its terminal table is renamed away, so every read fails as it would without a connection),
 * known terminals are answered from their stale entries, unknown ones fail at once, and the database is left alone
 * for two seconds after a failed read.
 */
class JdbcTerminalDirectoryTest {
    private static final Duration TTL = Duration.ofSeconds(60);

    private final MovableClock clock = new MovableClock();
    private Database database;
    private CoalitionFixture coalition;
    private CoalitionFixture.TestMerchant shop;
    private JdbcTerminalDirectory directory;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.h2());
        coalition = new CoalitionFixture(database);
        shop = coalition.merchant("A");
        directory = new JdbcTerminalDirectory(database, clock, TTL);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aDisabledTerminalStopsAuthenticatingOnceItsEntryIsOlderThanTheTtl() throws SQLException {
        TerminalCredential till = shop.credential();
        assertThat(directory.authenticate(till.credentialId(), till.secret())).isPresent();
        assertThat(directory.findTerminal(shop.id(), "S1", "T1")).isPresent();

        sql("UPDATE terminal SET status = 'DISABLED' WHERE id = " + shop.terminal().value());

        clock.advance(TTL);
        assertThat(directory.authenticate(till.credentialId(), till.secret())).as("remembered for the TTL").isPresent();
        assertThat(directory.findTerminal(shop.id(), "S1", "T1")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(directory.authenticate(till.credentialId(), till.secret())).as("read again after it").isEmpty();
        assertThat(directory.findTerminal(shop.id(), "S1", "T1")).isEmpty();
        assertThat(directory.findTerminalAcrossMerchants("A", "T1")).isEmpty();
    }

    @Test
    void duringAnOutageKnownTerminalsAreAnsweredStaleUnknownOnesFailAtOnceAndTheFirstReadAfterItIsFresh() throws SQLException {
        TerminalCredential till = shop.credential();
        assertThat(directory.authenticate(till.credentialId(), till.secret())).isPresent();
        assertThat(directory.findTerminalAcrossMerchants("A", "T1")).isPresent();
        clock.advance(TTL.plusSeconds(1));

        sql("ALTER TABLE terminal RENAME TO terminal_away");

        assertThat(directory.authenticate(till.credentialId(), till.secret())).as("stale, however old").isPresent();
        assertThat(directory.findTerminalAcrossMerchants("A", "T1")).isPresent();
        assertThatThrownBy(() -> directory.authenticate("term-unknown", "secret"))
                .isInstanceOf(TerminalDirectoryUnavailableException.class);
        sql("UPDATE terminal_away SET status = 'DISABLED' WHERE id = " + shop.terminal().value());
        sql("ALTER TABLE terminal_away RENAME TO terminal");

        clock.advance(JdbcTerminalDirectory.RETRY_AFTER_FAILURE.minusMillis(1));
        assertThatThrownBy(() -> directory.authenticate("term-unknown", "secret"))
                .as("the database is not asked again within two seconds of a failed read")
                .isInstanceOf(TerminalDirectoryUnavailableException.class);
        assertThat(directory.authenticate(till.credentialId(), till.secret())).isPresent();

        clock.advance(Duration.ofMillis(1));
        assertThat(directory.authenticate("term-unknown", "secret")).isEmpty();
        assertThat(directory.authenticate(till.credentialId(), till.secret()))
                .as("the stale entry was still due for a refresh: the terminal disabled meanwhile is refused").isEmpty();
        assertThat(directory.findTerminalAcrossMerchants("A", "T1")).isEmpty();
    }

    @Test
    void aTerminalNotFoundIsNotRememberedSoOneTheOperatorAddsIsSeenAtOnce() {
        assertThat(directory.findTerminal(shop.id(), "S1", "T9")).isEmpty();
        assertThat(directory.findTerminalAcrossMerchants("A", "T9")).isEmpty();

        TerminalCredential added = new CoalitionAdmin(database, IdGenerator.forNode(2), Clock.systemUTC()).addTerminal(shop.id(), "S1", "T9");

        assertThat(directory.findTerminal(shop.id(), "S1", "T9")).hasValueSatisfying(t -> assertThat(t.terminalCode()).isEqualTo("T9"));
        assertThat(directory.findTerminalAcrossMerchants("A", "T9")).isPresent();
        assertThat(directory.authenticate(added.credentialId(), added.secret())).isPresent();
        assertThat(directory.authenticate(added.credentialId(), "wrong")).isEmpty();
    }

    @Test
    void withoutATtlEveryLookUpReadsTheDatabase() throws SQLException {
        JdbcTerminalDirectory uncached = new JdbcTerminalDirectory(database, clock, Duration.ZERO);
        assertThat(uncached.findTerminal(shop.id(), "S1", "T1")).isPresent();

        sql("UPDATE terminal SET status = 'DISABLED' WHERE id = " + shop.terminal().value());

        assertThat(uncached.findTerminal(shop.id(), "S1", "T1")).isEmpty();
    }

    @Test
    void aMerchantFindsItsOwnTerminalByCodesAndNeverAnotherMerchantsWithTheSameCodes() {
        CoalitionFixture.TestMerchant other = coalition.merchant("B");

        assertThat(directory.findTerminal(other.id(), "S1", "T1"))
                .hasValueSatisfying(t -> assertThat(t.merchantId()).isEqualTo(other.id()));
        assertThat(directory.findTerminal(shop.id(), "S1", "T1"))
                .hasValueSatisfying(t -> assertThat(t.merchantId()).isEqualTo(shop.id()));
        assertThat(directory.findTerminalAcrossMerchants("B", "T1"))
                .hasValueSatisfying(t -> assertThat(t.terminalId()).isEqualTo(other.terminal()));
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute(statement);
            c.commit();
        }
    }
}
