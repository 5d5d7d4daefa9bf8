package io.loyaltyhub.adapters.simulator;

import io.loyaltyhub.adapters.csv.CsvBatchFileWriter;
import io.loyaltyhub.adapters.csv.CsvBatchRecord;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * POS simulator: puts an end-of-day batch file into a merchant's inbox folder, either a file written
 * elsewhere or one made up of sales. Made-up files are streamed to disk, so a 1,000,000-line file for a
 * memory benchmark needs no more memory than a 10-line one.
 */
@Command(name = "csv-batch", mixinStandardHelpOptions = true,
        description = "Drop an end-of-day CSV batch file into a merchant's inbox folder (written aside, then renamed into place).")
public final class DropCsvBatchCommand implements Callable<Integer> {

    @Option(names = "--inbox", required = true, description = "the hub's CSV inbox root (the folder holding one folder per merchant)")
    Path inbox;

    @Option(names = "--merchant", required = true, description = "the merchant code: the file goes to INBOX/MERCHANT/")
    String merchant;

    @Option(names = "--file-name", description = "name of the file in the inbox (default: eod-<time>.csv)")
    String fileName;

    @Option(names = "--from", description = "an existing batch file to drop as it is")
    Path from;

    @Option(names = "--lines", defaultValue = "10", description = "made-up sales to write (default: ${DEFAULT-VALUE})")
    long lines;

    @Option(names = "--store", defaultValue = "B01",
            description = "store code of the made-up sales (default: ${DEFAULT-VALUE}, the store of run --demo's merchant books)")
    String store;

    @Option(names = "--terminal", defaultValue = "T1", description = "terminal code of the made-up sales (default: ${DEFAULT-VALUE})")
    String terminal;

    @CommandLine.Mixin
    TestCardOptions testCards;

    @Option(names = "--cards", defaultValue = "100", description = "how many different cards the sales use (default: ${DEFAULT-VALUE})")
    int cards;

    @Option(names = "--amount-minor", defaultValue = "1250", description = "amount of each sale in minor units (default: ${DEFAULT-VALUE})")
    long amountMinor;

    @Option(names = "--currency", defaultValue = "EUR", description = "currency of the sales (default: ${DEFAULT-VALUE})")
    String currency;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String name = fileName != null ? fileName : "eod-" + System.currentTimeMillis() + ".csv";
        Path merchantInbox = inbox.resolve(merchant);
        Path dropped;
        if (from != null) {
            try (InputStream in = Files.newInputStream(from)) {
                dropped = CsvBatchFileWriter.drop(merchantInbox, name, in);
            }
        } else {
            dropped = CsvBatchFileWriter.drop(merchantInbox, name, madeUpSales(name.replaceAll("[^A-Za-z0-9]", "")));
        }
        spec.commandLine().getOut().printf("dropped %s (%d bytes)%n", dropped, Files.size(dropped));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private Iterator<CsvBatchRecord> madeUpSales(String refPrefix) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        return new Iterator<>() {
            private long written;

            @Override
            public boolean hasNext() {
                return written < lines;
            }

            @Override
            public CsvBatchRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                written++;
                return new CsvBatchRecord(store, terminal, refPrefix + "-" + written, "SALE", start.plusSeconds(written),
                        testCards.card(written % cards), amountMinor, currency, null);
            }
        };
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DropCsvBatchCommand()).execute(args));
    }
}
