package io.loyaltyhub.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.CoalitionFixture.TestMerchant;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.testing.TestDatabases;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Contention that does not pass: while another session holds the member accounts' row locks, the engine's batch
 * times out on them (after 1 s here), is rolled back and run again up to its attempts, then handed back with an
 * {@link EngineException} — never answered "cannot apply", and nothing of it written. Once the locks are gone the
 * same batch applies once.
 */
@Slow
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MySqlContentionRetriesTest {
    private static final int ATTEMPTS = 2;

    private DatabaseConfig config;
    private Database database;
    private PointsEngine engine;
    private CoalitionFixture coalition;
    private TestMerchant merchant;

    @BeforeAll
    void openDatabase() {
        config = TestDatabases.freshMySql();
        database = Database.open(new DatabaseConfig(config.url() + "&sessionVariables=innodb_lock_wait_timeout=1",
                config.user(), config.password(), 4));
        engine = new PointsEngine(database, IdGenerator.forNode(3), CoalitionFixture.CLOCK, ATTEMPTS);
        coalition = new CoalitionFixture(database);
        merchant = coalition.merchant("C1");
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
        TestDatabases.dropMySql(config);
    }

    @Test
    void aBatchThatKeepsTimingOutOnRowLocksIsHandedBackAfterItsAttemptsAndAppliesOnceTheyAreFree() throws Exception {
        String card = CoalitionFixture.cardNumber(7_001);
        assertThat(engine.apply(coalition.sale(merchant, "L-1", card, 1_000)).balance()).isEqualTo(10);

        try (Connection holder = database.connection(); Statement s = holder.createStatement()) {
            s.executeQuery("SELECT id FROM member_account FOR UPDATE").close();

            assertThatThrownBy(() -> engine.applyBatch(List.of(coalition.sale(merchant, "L-2", card, 2_000))))
                    .isInstanceOf(EngineException.class)
                    .hasMessageContaining("after " + ATTEMPTS + " attempt(s)");
            holder.rollback();
        }

        TransactionOutcome afterwards = engine.apply(coalition.sale(merchant, "L-2", card, 2_000));
        assertThat(afterwards.result()).isEqualTo(ResultCode.APPROVED);
        assertThat(afterwards.duplicate()).as("nothing of the refused attempts was written").isFalse();
        assertThat(afterwards.balance()).isEqualTo(30);
    }
}
