package io.loyaltyhub.hub.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyhub.adapters.csv.CsvBatchFileWriter;
import io.loyaltyhub.adapters.csv.CsvBatchLayout;
import io.loyaltyhub.adapters.csv.CsvBatchProcessor;
import io.loyaltyhub.adapters.csv.CsvLineMapper;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.domain.txn.BatchFileClaims;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.ChannelPorts;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.domain.txn.NotStoredException;
import io.loyaltyhub.domain.txn.Submitted;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker fails in the middle of a batch file: the lines it did not store are reported not-accepted, the file
 * goes to error/ without being recorded as processed, the lines stored before the failure stay stored, and the same
 * file dropped again credits every line exactly once.
 */
@Slow
class CsvBatchBrokerOutageTest {

    private static final AtomicBoolean BROKER_DOWN_AFTER_THIRD_LINE = new AtomicBoolean(true);
    private static HubFixture fixture;
    private static Path root;

    /** The real CSV channel, with a crediting path that refuses from the fourth line on while the "broker" is down. */
    private static final class FlakyBrokerCsvChannel implements HubExtension {
        @Override
        public void checkSettings(HubSettings settings) {
            CsvChannelSettings.from(settings);
        }

        @Override
        public List<RoutesBuilder> routes(ChannelPorts ports) {
            AtomicInteger submitted = new AtomicInteger();
            CsvBatchProcessor processor = new CsvBatchProcessor(new CsvLineMapper(ports.terminals(), ports.cardReader()),
                    CsvBatchProcessor.oneAtATime(transaction -> {
                        if (BROKER_DOWN_AFTER_THIRD_LINE.get() && submitted.incrementAndGet() > 3) {
                            return Submitted.refused(new NotStoredException("not-accepted", true, "broker unreachable", null));
                        }
                        return ports.intake().submit(transaction);
                    }), 4, Duration.ofSeconds(20));
            root = ports.settings().dataDir().resolve("csv");
            MerchantInboxProcessor inbox = new MerchantInboxProcessor(new CsvBatchFileHandler(processor), ports.merchantByCode(),
                    new ProcessedFiles(ports.database(), ports.clock()), root.resolve("work"));
            InboxClaims claims = new InboxClaims("CSV", new BatchFileClaims(ports.database()), 1, Duration.ofSeconds(30), ports.clock());
            return List.of(new MerchantInboxRoutes("csv-batch-inbox", InboxUris.source("", root, "csv", "csvInboxClaims"),
                    InboxUris.result("", root), inbox, "csvInboxClaims", claims));
        }
    }

    @BeforeAll
    static void startHub() {
        fixture = HubFixture.start(Map.of(), List.of(new FlakyBrokerCsvChannel()));
    }

    @AfterAll
    static void stopHub() {
        fixture.close();
    }

    @Test
    void nothingStoredBeforeTheFailureIsLostAndNothingIsCreditedTwiceWhenTheFileIsDroppedAgain() throws Exception {
        HubFixture.Merchant merchant = fixture.merchant();
        StringBuilder file = new StringBuilder(CsvBatchLayout.HEADER).append('\n');
        for (int i = 1; i <= 6; i++) {
            file.append("S1,T1,O-").append(i).append(",SALE,2026-11-20T18:00:00+01:00,").append(HubFixture.card(600 + i))
                    .append(",1000,EUR,\n");
        }

        drop(merchant.code(), file.toString());

        Path firstResult = root.resolve("results").resolve(merchant.code()).resolve("eod.csv.result.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> filesIn(root.resolve("error").resolve(merchant.code())).size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(firstResult));
        List<String> firstRows = Files.readAllLines(firstResult, StandardCharsets.UTF_8);
        assertThat(firstRows.subList(1, 4)).allSatisfy(row -> assertThat(row).contains(",approved,approved,10,"));
        assertThat(firstRows.subList(4, 7)).allSatisfy(row -> assertThat(row).contains(",rejected,not-accepted,"));
        await().atMost(Duration.ofSeconds(30)).until(() -> pointsOf(merchant) == 30);
        Files.delete(firstResult);

        BROKER_DOWN_AFTER_THIRD_LINE.set(false);
        drop(merchant.code(), file.toString());

        Path result = root.resolve("results").resolve(merchant.code()).resolve("eod.csv.result.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(result));
        List<String> rows = Files.readAllLines(result, StandardCharsets.UTF_8);
        assertThat(rows.subList(1, 4)).allSatisfy(row -> assertThat(row).contains(",approved,approved,10,").endsWith(",true,,,"));
        assertThat(rows.subList(4, 7)).allSatisfy(row -> assertThat(row).contains(",approved,approved,10,").endsWith(",false,,,"));
        assertThat(pointsOf(merchant)).isEqualTo(60);
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE merchant_id = ?", merchant.id().value())).isEqualTo(6);
    }

    private static long pointsOf(HubFixture.Merchant merchant) {
        return fixture.queryLong("SELECT COALESCE(SUM(points), 0) FROM ledger_entry WHERE merchant_id = ?", merchant.id().value());
    }

    private static void drop(String merchantFolder, String content) throws IOException {
        CsvBatchFileWriter.drop(root.resolve("inbox").resolve(merchantFolder), "eod.csv",
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
