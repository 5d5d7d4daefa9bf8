package io.loyaltyhub.adapters.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.adapters.csv.CsvBatchLayout;
import io.loyaltyhub.adapters.csv.CsvBatchProcessor;
import io.loyaltyhub.adapters.csv.CsvBatchSummary;
import io.loyaltyhub.adapters.csv.CsvLineMapper;
import io.loyaltyhub.adapters.poslog.TestCardReader;
import io.loyaltyhub.adapters.poslog.TestTerminalDirectory;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.Submitted;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DropCsvBatchCommandTest {

    @TempDir
    Path inbox;

    @Test
    void dropsAMadeUpFileForTheDemoStoreThatTheHubsProcessorCreditsLineByLine() throws Exception {
        int exit = new CommandLine(new DropCsvBatchCommand()).execute("--inbox", inbox.toString(), "--merchant", "acme",
                "--file-name", "eod-1.csv", "--lines", "25", "--cards", "5", "--amount-minor", "999");

        assertThat(exit).isZero();
        Path file = inbox.resolve("acme").resolve("eod-1.csv");
        try (var listing = Files.list(inbox.resolve("acme"))) {
            assertThat(listing).as("no temporary file left behind").containsExactly(file);
        }
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(26).first().isEqualTo(CsvBatchLayout.HEADER);

        MerchantId merchant = new MerchantId(3);
        TestTerminalDirectory terminals = new TestTerminalDirectory();
        terminals.add(merchant, "B01", "T1"); // run --demo's books: store B01, till T1, the defaults
        List<PosTransaction> credited = new ArrayList<>();
        CsvBatchProcessor processor = new CsvBatchProcessor(new CsvLineMapper(terminals, new TestCardReader()),
                CsvBatchProcessor.oneAtATime(t -> {
                    credited.add(t);
                    return Submitted.answered(new TransactionOutcome(ResultCode.APPROVED, 9, 9, t.card().token().last4(), false));
                }), 8, Duration.ofSeconds(1));
        try (InputStream in = Files.newInputStream(file)) {
            CsvBatchSummary summary = processor.process(merchant, in, new StringWriter());
            assertThat(summary.approved()).isEqualTo(25);
        }
        assertThat(credited).extracting(t -> t.amount().minorUnits()).containsOnly(999L);
        assertThat(credited.stream().map(t -> t.card().token().hash()).distinct().count()).as("--cards 5").isEqualTo(5);
    }

    @Test
    void dropsAnExistingFileUnchanged() throws Exception {
        Path source = Files.writeString(inbox.resolve("mine.csv"), CsvBatchLayout.HEADER + "\nbroken line\n");

        int exit = new CommandLine(new DropCsvBatchCommand()).execute("--inbox", inbox.toString(), "--merchant", "beta",
                "--file-name", "eod-2.csv", "--from", source.toString());

        assertThat(exit).isZero();
        assertThat(inbox.resolve("beta").resolve("eod-2.csv")).hasSameBinaryContentAs(source);
    }

    @Test
    void makesCardNumbersOfAProgrammeWithoutCheckDigit() throws Exception {
        int exit = new CommandLine(new DropCsvBatchCommand()).execute("--inbox", inbox.toString(), "--merchant", "ncr",
                "--file-name", "ncr.csv", "--lines", "1", "--cards", "1000", "--card-prefix", "0000000000", "--card-length", "25",
                "--no-check-digit");

        assertThat(exit).isZero();
        assertThat(Files.readAllLines(inbox.resolve("ncr").resolve("ncr.csv")).get(1)).contains(",0000000000000000000000001,");
    }
}
