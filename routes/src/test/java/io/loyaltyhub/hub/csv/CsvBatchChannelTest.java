package io.loyaltyhub.hub.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyhub.adapters.csv.CsvBatchFileWriter;
import io.loyaltyhub.adapters.csv.CsvBatchLayout;
import io.loyaltyhub.adapters.simulator.DropCsvBatchCommand;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.testing.SlowTier;
import io.loyaltyhub.hub.CapturedLogs;
import io.loyaltyhub.hub.HubFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import picocli.CommandLine;

/**
 * The CSV batch channel end to end: real files written into a running hub's inbox folder, result files and
 * moves to done/ and error/ checked on disk, credits checked in the hub's database.
 */
@Slow
@ResourceLock(SlowTier.CAPTURED_LOGS)
class CsvBatchChannelTest {

    private static HubFixture fixture;
    private static Path root;

    @BeforeAll
    static void startHub() {
        fixture = HubFixture.start(Map.of("hub.csv.window", "8"), List.of(new CsvBatchChannel()));
        root = fixture.dataDir().resolve("csv");
    }

    @AfterAll
    static void stopHub() {
        fixture.close();
    }

    @Test
    void creditsEachGoodLineRejectsEachBadLineWithItsReasonAndMovesTheFileToDone() throws Exception {
        HubFixture.Merchant merchant = fixture.merchant();
        String card = HubFixture.card(501);
        String badCheckDigit = card.substring(0, 15) + ((card.charAt(15) - '0' + 1) % 10);
        String file = CsvBatchLayout.HEADER + "\n"
                + "S1,T1,E1-1,SALE,2026-11-20T18:00:00+01:00," + card + ",1234,EUR,\n"
                + "S1,T1,E1-2,SALE,2026-11-20T18:01:00+01:00," + badCheckDigit + ",1234,EUR,\n"
                + "S1,T9,E1-3,SALE,2026-11-20T18:02:00+01:00," + card + ",1234,EUR,\n"
                + "S1,T1,E1-4,\"SALE,2026-11-20T18:03:00+01:00\n"
                + "S1,T1,E1-5,REFUND,2026-11-20T18:04:00+01:00," + card + ",234,EUR,E1-1\n";

        drop(merchant.code(), "eod-1.csv", file);

        List<String> rows = awaitResult(merchant.code(), "eod-1.csv.result.csv");
        assertThat(rows).containsExactly(
                CsvBatchLayout.RESULT_HEADER,
                "2,E1-1,approved,approved,12,12," + card.substring(12) + ",false,,,",
                "3,E1-2,rejected,card-number-check-digit,,,,,card number fails its programme's check digit,,",
                "4,E1-3,rejected,unknown-terminal,,,,,no terminal of this merchant has this store_code and terminal_code,,",
                "5,,rejected,line-format,,,,,the line is not valid CSV: unterminated quote,,",
                "6,E1-5,approved,approved,-2,10," + card.substring(12) + ",false,,,");
        assertThat(String.join("\n", rows)).doesNotContain(card).doesNotContain(badCheckDigit);
        await().atMost(Duration.ofSeconds(10)).until(() -> filesIn(root.resolve("done").resolve(merchant.code())).size() == 1);
        assertThat(filesIn(root.resolve("inbox").resolve(merchant.code()))).isEmpty();
        assertThat(fixture.balanceOf(card)).isEqualTo(10);
    }

    @Test
    void theSameFileDroppedAgainIsNotProcessedTwiceAndTheSameLinesUnderAnotherNameCreditNothingTwice() throws Exception {
        HubFixture.Merchant merchant = fixture.merchant();
        String card = HubFixture.card(502);
        String file = CsvBatchLayout.HEADER + "\nS1,T1,D-1,SALE,2026-11-20T18:00:00+01:00," + card + ",5000,EUR,\n";
        drop(merchant.code(), "eod-2.csv", file);
        awaitResult(merchant.code(), "eod-2.csv.result.csv");
        await().atMost(Duration.ofSeconds(10)).until(() -> filesIn(root.resolve("done").resolve(merchant.code())).size() == 1);

        drop(merchant.code(), "eod-2.csv", file);

        assertThat(awaitResult(merchant.code(), "eod-2.csv.duplicate.result.csv")).element(1).asString()
                .startsWith("0,,rejected,duplicate-file,");
        await().atMost(Duration.ofSeconds(10)).until(() -> filesIn(root.resolve("error").resolve(merchant.code())).size() == 1);
        assertThat(fixture.balanceOf(card)).isEqualTo(50);

        drop(merchant.code(), "eod-2-resent.csv", file);

        assertThat(awaitResult(merchant.code(), "eod-2-resent.csv.result.csv")).element(1).asString()
                .isEqualTo("2,D-1,approved,approved,50,50," + card.substring(12) + ",true,,,");
        assertThat(fixture.balanceOf(card)).as("the engine answers a resent line with its first answer").isEqualTo(50);
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE merchant_id = ?", merchant.id().value())).isEqualTo(1);
    }

    @Test
    void aFileWithTheWrongHeaderOrInAFolderThatIsNoMerchantGoesToErrorWithTheReason() throws Exception {
        HubFixture.Merchant merchant = fixture.merchant();
        long ledgerBefore = fixture.count("ledger_entry");

        drop(merchant.code(), "wrong-layout.csv", "ref,card,amount\nW-1," + HubFixture.card(503) + ",100\n");
        drop("nobody", "eod.csv", CsvBatchLayout.HEADER + "\nS1,T1,N-1,SALE,2026-11-20T18:00:00Z," + HubFixture.card(504) + ",100,EUR,\n");

        assertThat(awaitResult(merchant.code(), "wrong-layout.csv.result.csv")).element(1).asString()
                .startsWith("1,,rejected,header-mismatch,");
        assertThat(awaitResult("nobody", "eod.csv.result.csv")).element(1).asString().startsWith("0,,rejected,unknown-merchant,");
        await().atMost(Duration.ofSeconds(10)).until(() -> filesIn(root.resolve("error").resolve(merchant.code())).size() == 1
                && filesIn(root.resolve("error").resolve("nobody")).size() == 1);
        assertThat(fixture.count("ledger_entry")).isEqualTo(ledgerBefore);
    }

    @Test
    void theSimulatorCommandDropsABatchThatIsCreditedLineByLine() throws Exception {
        HubFixture.Merchant merchant = fixture.merchant();

        int exit = new CommandLine(new DropCsvBatchCommand()).execute("--inbox", root.resolve("inbox").toString(),
                "--merchant", merchant.code(), "--store", "S1", "--file-name", "simulated.csv", "--lines", "40", "--cards", "7",
                "--amount-minor", "1000");

        assertThat(exit).isZero();
        List<String> rows = awaitResult(merchant.code(), "simulated.csv.result.csv");
        assertThat(rows).hasSize(41);
        assertThat(rows.subList(1, 41)).allSatisfy(row -> assertThat(row).contains(",approved,approved,10,"));
        assertThat(fixture.queryLong("SELECT COALESCE(SUM(points), 0) FROM ledger_entry WHERE merchant_id = ?", merchant.id().value()))
                .isEqualTo(400);
    }

    @Test
    void aSymbolicLinkInAnInboxGoesToErrorUntouchedAndWhatItPointsAtIsNeitherCreditedNorOverwritten() throws Exception {
        HubFixture.Merchant merchant = fixture.merchant();
        String card = HubFixture.card(510);
        String content = CsvBatchLayout.HEADER + "\nS1,T1,L-1,SALE,2026-11-20T18:00:00Z," + card + ",5000,EUR,\n";
        Path outside = Files.writeString(Files.createTempDirectory("outside-inbox").resolve("someone-elses.csv"), content);
        Path inbox = Files.createDirectories(root.resolve("inbox").resolve(merchant.code()));

        try (CapturedLogs logs = new CapturedLogs()) {
            Files.createSymbolicLink(inbox.resolve("link.csv"), outside);

            assertThat(awaitResult(merchant.code(), "link.csv.result.csv")).element(1).asString()
                    .isEqualTo("0,,rejected,not-a-regular-file,,,,,the inbox entry was not read: it is a symbolic link,,");
            Path moved = awaitOneEntryIn(root.resolve("error").resolve(merchant.code()));
            assertThat(Files.isSymbolicLink(moved)).as("the link itself was moved").isTrue();
            assertThat(Files.readSymbolicLink(moved)).isEqualTo(outside);
            assertThat(logs.text()).contains("csv inbox entry " + merchant.code() + "/link.csv refused, it is a symbolic link");
        }
        assertThat(Files.readString(outside)).as("the target is not overwritten").isEqualTo(content);
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE merchant_id = ?", merchant.id().value())).isZero();
    }

    @Test
    void aHardLinkAndAFileReachedThroughALinkedMerchantFolderAreRefusedTheSameWay() throws Exception {
        HubFixture.Merchant hardLinked = fixture.merchant();
        HubFixture.Merchant folderLinked = fixture.merchant();
        String card = HubFixture.card(511);
        String content = CsvBatchLayout.HEADER + "\nS1,T1,H-1,SALE,2026-11-20T18:00:00Z," + card + ",5000,EUR,\n";
        Path outside = Files.writeString(Files.createTempDirectory("outside-inbox").resolve("eod.csv"), content);
        Path outsideFolder = Files.createTempDirectory("outside-inbox");
        Files.writeString(outsideFolder.resolve("eod.csv"), content);

        Files.createLink(Files.createDirectories(root.resolve("inbox").resolve(hardLinked.code())).resolve("hard.csv"), outside);
        Files.createSymbolicLink(root.resolve("inbox").resolve(folderLinked.code()), outsideFolder);

        assertThat(awaitResult(hardLinked.code(), "hard.csv.result.csv")).element(1).asString()
                .contains(",rejected,not-a-regular-file,").contains("hard link");
        assertThat(awaitResult(folderLinked.code(), "eod.csv.result.csv")).element(1).asString()
                .contains(",rejected,not-a-regular-file,").contains("outside the inbox");
        assertThat(awaitOneEntryIn(root.resolve("error").resolve(hardLinked.code()))).hasContent(content.strip());
        assertThat(outside).as("not overwritten").hasContent(content.strip());
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE merchant_id IN (?, ?)", hardLinked.id().value(),
                folderLinked.id().value())).isZero();
    }

    @Test
    void aCardNumberUsedAsAFileNameIsKeptInNoFileNameRegisterRowOrLogLine() throws Exception {
        HubFixture.Merchant merchant = fixture.merchant();
        String card = HubFixture.card(512);
        String content = CsvBatchLayout.HEADER + "\nS1,T1,C-1,SALE,2026-11-20T18:00:00Z," + card + ",5000,EUR,\n";

        try (CapturedLogs logs = new CapturedLogs()) {
            drop(merchant.code(), card + ".csv", content);

            Path result = awaitOneEntryIn(root.resolve("results").resolve(merchant.code()));
            assertThat(result.getFileName().toString()).startsWith("****" + card.substring(12) + ".").endsWith(".result.csv");
            assertThat(Files.readAllLines(result)).element(1).asString().startsWith("2,C-1,approved,approved,50,");
            Path done = awaitOneEntryIn(root.resolve("done").resolve(merchant.code()));
            assertThat(done.getFileName().toString()).startsWith("****" + card.substring(12) + ".").doesNotContain(card);
            await().atMost(Duration.ofSeconds(10)).until(() -> fixture.queryLong(
                    "SELECT COUNT(*) FROM processed_batch_file WHERE merchant_id = ?", merchant.id().value()) == 1);
            assertThat(fixture.queryLong("SELECT COUNT(*) FROM processed_batch_file WHERE file_name LIKE ?", "%" + card + "%")).isZero();
            assertThat(logs.text()).contains(merchant.code() + "/****" + card.substring(12) + ".csv").doesNotContain(card);
        }
        try (Stream<Path> everything = Files.walk(root)) {
            assertThat(everything.map(Path::toString)).noneMatch(name -> name.contains(card));
        }
    }

    @Test
    void anEmptyFileGetsAResultAndALogLineInsteadOfWaitingForever() throws Exception {
        HubFixture.Merchant merchant = fixture.merchant();

        try (CapturedLogs logs = new CapturedLogs()) {
            drop(merchant.code(), "empty.csv", "");

            assertThat(awaitResult(merchant.code(), "empty.csv.result.csv")).element(1).asString().startsWith("1,,rejected,header-missing,");
            awaitOneEntryIn(root.resolve("error").resolve(merchant.code()));
            assertThat(logs.text()).contains("csv file " + merchant.code() + "/empty.csv processed: moving it to error/");
        }
    }

    @Test
    void resultRowsOmitTheBalanceOfAnUnknownCardAndEscapeAReferenceASpreadsheetWouldRun() throws Exception {
        HubFixture.Merchant merchant = fixture.merchant();
        String notIssued = "6280001234567895"; // the programme's shape and check digit, outside every issued range
        String card = HubFixture.card(513);

        try (CapturedLogs logs = new CapturedLogs()) {
            drop(merchant.code(), "eod-22.csv", CsvBatchLayout.HEADER + "\n"
                    + "S1,T1,U-1,SALE,2026-11-20T18:00:00Z," + notIssued + ",5000,EUR,\n"
                    + "S1,T1,-2-1,SALE,2026-11-20T18:01:00Z," + card + ",5000,EUR,\n");

            assertThat(awaitResult(merchant.code(), "eod-22.csv.result.csv")).containsExactly(
                    CsvBatchLayout.RESULT_HEADER,
                    "2,U-1,declined,invalid-card,0,,7895,false,,,",
                    "3,'-2-1,approved,approved,50,50," + card.substring(12) + ",false,,,");
            assertThat(logs.text()).as("the merchant by its code, not by an id the log masker takes for a card number")
                    .contains("CSV batch for merchant " + merchant.code() + ":").doesNotContain(Long.toString(merchant.id().value()));
        }
    }

    private static void drop(String merchantFolder, String name, String content) throws IOException {
        CsvBatchFileWriter.drop(root.resolve("inbox").resolve(merchantFolder), name,
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> awaitResult(String merchantFolder, String name) throws IOException {
        Path result = root.resolve("results").resolve(merchantFolder).resolve(name);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(result));
        return Files.readAllLines(result, StandardCharsets.UTF_8);
    }

    /** The one entry (file or link) that arrives in the folder. */
    private static Path awaitOneEntryIn(Path folder) throws IOException {
        await().atMost(Duration.ofSeconds(30)).until(() -> entriesIn(folder).size() == 1);
        return entriesIn(folder).get(0);
    }

    private static List<Path> entriesIn(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        }
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
