package io.loyaltyhub.domain.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.merchant.MerchantPgpKeyStore;
import io.loyaltyhub.domain.merchant.MerchantPgpKeyStore.StoredKey;
import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.report.ReportDownloads;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.CoalitionFixture.TestMerchant;
import io.loyaltyhub.domain.testing.TestDatabases;
import io.loyaltyhub.domain.txn.ProcessedBatchFiles;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stores that took over the hub's own SQL (processed batch files, merchants' OpenPGP keys, the operator's
 * read-only queries): merchant B sees and changes nothing of merchant A's, on every database.
 */
abstract class MerchantStoresSuite {
    private static final String SHA = "a".repeat(64);

    private DatabaseConfig config;
    private Database database;
    private TestMerchant a;
    private TestMerchant b;

    abstract DatabaseConfig newDatabase();

    @BeforeEach
    void twoMerchants() {
        config = newDatabase();
        database = Database.open(config);
        CoalitionFixture coalition = new CoalitionFixture(database);
        a = coalition.merchant("A");
        b = coalition.merchant("B");
    }

    @AfterEach
    void close() {
        database.close();
        TestDatabases.dropMySql(config);
    }

    @Test
    void aProcessedFileIsRememberedForItsMerchantOnly() {
        ProcessedBatchFiles files = new ProcessedBatchFiles(database);

        files.record(a.id(), "CSV", "eod.csv", SHA, 12, LocalDateTime.of(2026, 12, 1, 10, 0));

        assertThat(files.contains(a.id(), "CSV", "eod.csv", SHA)).isTrue();
        assertThat(files.contains(b.id(), "CSV", "eod.csv", SHA)).as("the same file dropped by B").isFalse();
        assertThat(files.contains(a.id(), "POSLOG", "eod.csv", SHA)).isFalse();
    }

    @Test
    void anOpenPgpKeyIsReadAndReplacedWithinItsMerchantOnly() {
        MerchantPgpKeyStore keys = new MerchantPgpKeyStore(database);
        keys.replace(a.id(), new StoredKey("armored A", "F".repeat(40)), Instant.parse("2026-12-01T10:00:00Z"));

        keys.replace(b.id(), new StoredKey("armored B", "E".repeat(40)), Instant.parse("2026-12-01T10:00:00Z"));

        assertThat(keys.keyOf(a.id())).contains(new StoredKey("armored A", "F".repeat(40)));
        assertThat(keys.keyOf(b.id())).contains(new StoredKey("armored B", "E".repeat(40)));
        keys.replace(a.id(), new StoredKey("armored A2", "D".repeat(40)), Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(keys.keyOf(a.id())).map(StoredKey::armored).contains("armored A2");
        assertThat(keys.keyOf(b.id())).map(StoredKey::armored).contains("armored B");
    }

    @Test
    void theOperatorListsOneMerchantsDownloadsOrEveryMerchantsAudit() throws SQLException {
        ReportDownloads downloads = new ReportDownloads(database, IdGenerator.forNode(0), Clock.systemUTC());
        downloads.started(new MerchantPrincipal(a.id(), "mrc-a"), "customers", "{}", "csv");
        downloads.started(new MerchantPrincipal(b.id(), "mrc-b"), "daily", "{}", "csv");

        try (Connection c = database.connection()) {
            OperatorQueries queries = new OperatorQueries(c, 1000);
            assertThat(queries.merchants()).extracting(OperatorQueries.MerchantRow::code).containsExactly("A", "B");
            assertThat(queries.merchantId("B")).contains(b.id());
            assertThat(queries.downloads(a.id())).extracting(OperatorQueries.DownloadRow::report).containsExactly("customers");
            assertThat(queries.downloads(b.id())).extracting(OperatorQueries.DownloadRow::credentialId).containsExactly("mrc-b");
            assertThat(queries.downloadsAcrossMerchants()).hasSize(2);
        }
    }
}
