package io.loyaltyhub.hub.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyhub.adapters.csv.CsvBatchFileWriter;
import io.loyaltyhub.adapters.csv.CsvBatchLayout;
import io.loyaltyhub.domain.card.CardProgramme;
import io.loyaltyhub.domain.card.CheckDigitRule;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.testing.TestDatabases;
import io.loyaltyhub.domain.txn.BatchFileClaims;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.testing.StandaloneBroker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hub nodes on one MariaDB database and one broker, watching one shared inbox folder ({@code hub.inbox.dir}): every file is
 * processed by one node only, and a file whose claim is held by a node that died is taken over once the claim's
 * lease has run out.
 */
@Slow
class SharedInboxTest {
    private static final int FILES = 8;
    private static final int LINES = 3;
    private static final Duration LEASE = Duration.ofSeconds(3);

    @TempDir
    Path shared;
    @TempDir
    Path nodeOneDir;
    @TempDir
    Path nodeTwoDir;
    @TempDir
    Path brokerDir;

    private DatabaseConfig mysql;
    private HubFixture nodeOne;
    private HubFixture nodeTwo;
    private HubFixture.Merchant shop;
    private StandaloneBroker broker;

    @BeforeEach
    void twoNodesOnOneInbox() throws Exception {
        mysql = TestDatabases.freshMySql();
        broker = new StandaloneBroker(brokerDir).start();
        Map<String, String> settings = new HashMap<>(Map.of("hub.broker.url", broker.url(), "hub.db.url", mysql.url(), "hub.db.user", mysql.user(),
                "hub.db.password", mysql.password(), "hub.inbox.dir", shared.toString(),
                "hub.inbox.claim-lease-seconds", Long.toString(LEASE.toSeconds()), "hub.csv.window", "8"));
        settings.put("hub.node-id", "1");
        nodeOne = HubFixture.startIn(nodeOneDir, settings, List.of(new CsvBatchChannel()));
        CardProgramme programme = nodeOne.hub().admin().createCardProgramme("coalition", "628000", 16, CheckDigitRule.LUHN);
        nodeOne.hub().admin().issueCardRange(programme, HubFixture.RANGE_FIRST, HubFixture.RANGE_LAST);
        nodeOne.hub().reloadCardCatalog();
        shop = nodeOne.merchant();
        Files.createDirectories(nodeTwoDir.resolve("keys"));
        for (String file : List.of("hub.bcfks", "keystore.pass")) { // one coalition, one card key
            Files.copy(nodeOneDir.resolve("keys").resolve(file), nodeTwoDir.resolve("keys").resolve(file));
        }
        settings.put("hub.node-id", "2");
        nodeTwo = HubFixture.startIn(nodeTwoDir, settings, List.of(new CsvBatchChannel()));
    }

    @AfterEach
    void stop() throws Exception {
        if (nodeTwo != null) {
            nodeTwo.close();
        }
        if (nodeOne != null) {
            nodeOne.close();
        }
        if (broker != null) {
            broker.close();
        }
        TestDatabases.dropMySql(mysql);
    }

    @Test
    void everyFileDroppedIntoTheSharedInboxIsProcessedByOneNodeOnly() throws Exception {
        for (int f = 0; f < FILES; f++) {
            drop("eod-" + f + ".csv", lines("F" + f, 600 + f * LINES));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> filesIn(shared.resolve("csv/done")).size() == FILES);
        List<Path> results = filesIn(shared.resolve("csv/results"));
        assertThat(results).hasSize(FILES).allSatisfy(result -> assertThat(result.getFileName().toString())
                .doesNotContain("duplicate"));
        assertThat(filesIn(shared.resolve("csv/error"))).as("no file was taken by both nodes").isEmpty();
        assertThat(filesIn(shared.resolve("csv/inbox"))).isEmpty();
        assertThat(nodeOne.queryLong("SELECT COUNT(*) FROM processed_batch_file WHERE merchant_id = ?", shop.id().value()))
                .isEqualTo(FILES);
        await().atMost(Duration.ofSeconds(30)).until(() -> nodeOne.queryLong(
                "SELECT COUNT(*) FROM purchase WHERE merchant_id = ?", shop.id().value()) == FILES * LINES);
        assertThat(nodeOne.count("batch_file_claim")).as("every claim given up once its file left the inbox").isZero();
    }

    @Test
    void aFileClaimedByANodeThatDiedIsTakenOverOnceTheLeaseHasRunOut() throws Exception {
        BatchFileClaims claims = new BatchFileClaims(nodeOne.hub().database());
        Instant now = Instant.now();
        assertThat(claims.claim("CSV:" + shop.code() + "/orphan.csv", "node-9-killed", now, now.plus(LEASE))).isTrue();
        Path dropped = shared.resolve("csv/inbox").resolve(shop.code()).resolve("orphan.csv");

        drop("orphan.csv", lines("O", 700));

        await().during(LEASE.minusSeconds(1)).atMost(LEASE).until(() -> Files.exists(dropped));
        assertThat(filesIn(shared.resolve("csv/results"))).as("no node takes a file while another's lease runs").isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> filesIn(shared.resolve("csv/done")).size() == 1);
        assertThat(filesIn(shared.resolve("csv/results"))).singleElement().asString().endsWith("orphan.csv.result.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> nodeOne.queryLong(
                "SELECT COUNT(*) FROM purchase WHERE merchant_id = ?", shop.id().value()) == LINES);
    }

    private static String lines(String refPrefix, int firstCard) {
        StringBuilder file = new StringBuilder(CsvBatchLayout.HEADER).append('\n');
        for (int i = 0; i < LINES; i++) {
            file.append("S1,T1,").append(refPrefix).append('-').append(i).append(",SALE,2026-11-20T18:00:00+01:00,")
                    .append(HubFixture.card(firstCard + i)).append(",1000,EUR,\n");
        }
        return file.toString();
    }

    private void drop(String name, String content) throws IOException {
        CsvBatchFileWriter.drop(shared.resolve("csv/inbox").resolve(shop.code()), name,
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
