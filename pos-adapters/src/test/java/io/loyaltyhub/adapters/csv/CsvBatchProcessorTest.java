package io.loyaltyhub.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.adapters.poslog.TestCardReader;
import io.loyaltyhub.adapters.poslog.TestTerminalDirectory;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.Submitted;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CsvBatchProcessorTest {

    private static final MerchantId MERCHANT = new MerchantId(7);
    private static final String CARD = "6280001234567895";

    private final TestTerminalDirectory terminals = new TestTerminalDirectory();
    private final CsvLineMapper mapper = new CsvLineMapper(terminals, new TestCardReader());
    private final List<PosTransaction> credited = new ArrayList<>();

    @BeforeEach
    void registerTill() {
        terminals.add(MERCHANT, "S1", "T1");
    }

    @Test
    void writesOneResultRowPerLineInLineOrderWithReasonsForRejects() throws IOException {
        String file = CsvBatchLayout.HEADER + "\r\n"
                + "S1,T1,R-1,SALE,2025-03-14T10:00:00Z," + CARD + ",1234,EUR,\r\n"
                + "S1,T1,R-2,SALE,2025-03-14T10:00:00Z,6280001234567894,1234,EUR,\r\n"
                + "\r\n"
                + "S1,T1,R-3,\"SALE,2025-03-14T10:00:00Z\r\n"
                + "S1,T1,R-4,REFUND,2025-03-14T11:00:00Z," + CARD + ",234,EUR,R-1\r\n";
        StringWriter results = new StringWriter();

        CsvBatchSummary summary = processor(this::approve, 4, Duration.ofSeconds(5)).process(MERCHANT, bytes(file), results);

        assertThat(results.toString().split("\n")).containsExactly(
                CsvBatchLayout.RESULT_HEADER,
                "2,R-1,approved,approved,12,1012,5895,false,,,",
                "3,R-2,rejected,card-number-check-digit,,,,,card number fails its programme's check digit,,",
                "5,,rejected,line-format,,,,,the line is not valid CSV: unterminated quote,,",
                "6,R-4,approved,approved,12,1012,5895,false,,,");
        assertThat(summary).isEqualTo(new CsvBatchSummary(4, 2, 0, 0, 2, 0, null));
        assertThat(credited).extracting(t -> t.txnRef().value()).containsExactly("R-1", "R-4");
        assertThat(results.toString()).doesNotContain(CARD).doesNotContain("6280001234567894");
    }

    @Test
    void handsLinesOverInGroupsNoLargerThanTheWindowAndKeepsRefusalsInLineOrder() throws IOException {
        StringBuilder file = new StringBuilder(CsvBatchLayout.HEADER + "\n");
        for (int i = 1; i <= 25; i++) {
            file.append(i % 10 == 0 ? "S1,T1,R-" + i + ",SALE,yesterday," + CARD + ",1234,EUR,\n"
                    : "S1,T1,R-" + i + ",SALE,2025-03-14T10:00:00Z," + CARD + ",1234,EUR,\n");
        }
        List<Integer> groupSizes = new ArrayList<>();
        CsvBatchProcessor processor = new CsvBatchProcessor(mapper, group -> {
            groupSizes.add(group.size());
            return group.stream().map(t -> stored(approve(t))).toList();
        }, 8, Duration.ofSeconds(5));
        StringWriter results = new StringWriter();

        CsvBatchSummary summary = processor.process(MERCHANT, bytes(file.toString()), results);

        assertThat(summary.approved()).isEqualTo(23);
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(groupSizes).as("8 lines a group, refused lines take their place but are not handed over")
                .containsExactly(8, 7, 7, 1);
        assertThat(credited).extracting(t -> t.txnRef().value()).doesNotContain("R-10", "R-20").hasSize(23);
        List<String> rows = List.of(results.toString().split("\n"));
        assertThat(rows).hasSize(26);
        for (int i = 1; i <= 25; i++) {
            assertThat(rows.get(i)).startsWith((i + 1) + ",").contains(i % 10 == 0 ? "rejected" : "R-" + i + ",approved");
        }
    }

    @Test
    void refusesAFileWhoseHeaderIsNotTheDocumentedLayoutAndCreditsNothing() throws IOException {
        StringWriter results = new StringWriter();
        String file = "txn_ref,card,amount\nR-1," + CARD + ",100\n";

        CsvBatchSummary summary = processor(this::approve, 4, Duration.ofSeconds(5)).process(MERCHANT, bytes(file), results);

        assertThat(summary.fileRejection()).isEqualTo("header-mismatch");
        assertThat(results.toString()).contains("1,,rejected,header-mismatch");
        assertThat(credited).isEmpty();
    }

    @Test
    void acceptsAHeaderWithAByteOrderMarkAndSpaces() throws IOException {
        String file = "\uFEFF" + CsvBatchLayout.HEADER.replace(",", ", ").toUpperCase() + "\n"
                + "S1,T1,R-1,SALE,2025-03-14T10:00:00Z," + CARD + ",1234,EUR,\n";

        CsvBatchSummary summary = processor(this::approve, 4, Duration.ofSeconds(5)).process(MERCHANT, bytes(file), new StringWriter());

        assertThat(summary.approved()).isEqualTo(1);
    }

    @Test
    void reportsLinesTheEngineHasNotAnsweredInTimeAsAcceptedPending() throws IOException {
        String file = CsvBatchLayout.HEADER + "\nS1,T1,R-1,SALE,2025-03-14T10:00:00Z," + CARD + ",1234,EUR,\n";
        StringWriter results = new StringWriter();

        CsvBatchSummary summary = processor(t -> new CompletableFuture<>(), 4, Duration.ofMillis(50)).process(MERCHANT, bytes(file), results);

        assertThat(summary.pending()).isEqualTo(1);
        assertThat(results.toString()).contains("2,R-1,pending,accepted-pending,,,,,");
    }

    @Test
    void streamsAFileLineByLineWithNoMoreThanTheWindowInFlight() throws IOException {
        int lines = 5_000;
        int window = 32;
        AtomicInteger outstanding = new AtomicInteger();
        AtomicInteger mostOutstanding = new AtomicInteger();
        ExecutorService busyEngine = Executors.newFixedThreadPool(2);
        CountingWriter results = new CountingWriter();
        CsvBatchProcessor processor = new CsvBatchProcessor(mapper, CsvBatchProcessor.oneAtATime(t -> {
            mostOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
            return stored(CompletableFuture.supplyAsync(() -> {
                outstanding.decrementAndGet();
                return new TransactionOutcome(ResultCode.APPROVED, 1, 1, "5895", false);
            }, busyEngine));
        }), window, Duration.ofSeconds(5));

        CsvBatchSummary summary;
        try {
            summary = processor.process(MERCHANT, generatedFile(lines), results);
        } finally {
            busyEngine.shutdownNow();
        }

        assertThat(summary.lines()).isEqualTo(lines);
        assertThat(summary.approved()).isEqualTo(lines);
        assertThat(results.newlines).isEqualTo(lines + 1);
        assertThat(mostOutstanding.get()).isLessThanOrEqualTo(window + 1);
    }

    private CompletableFuture<TransactionOutcome> approve(PosTransaction transaction) {
        credited.add(transaction);
        return CompletableFuture.completedFuture(new TransactionOutcome(ResultCode.APPROVED, 12, 1012, "5895", false));
    }

    /** A crediting path whose queue confirmed every transaction at once; the answers come from {@code engine}. */
    private CsvBatchProcessor processor(Function<PosTransaction, CompletableFuture<TransactionOutcome>> engine, int window, Duration timeout) {
        return new CsvBatchProcessor(mapper, CsvBatchProcessor.oneAtATime(t -> stored(engine.apply(t))), window, timeout);
    }

    private static Submitted stored(CompletableFuture<TransactionOutcome> answer) {
        return new Submitted(CompletableFuture.completedFuture(null), answer);
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A batch file made up as it is read: it never exists whole, in memory or on disk. */
    private static InputStream generatedFile(int lines) {
        return new InputStream() {
            private byte[] current = (CsvBatchLayout.HEADER + "\n").getBytes(StandardCharsets.UTF_8);
            private int position;
            private int written;

            @Override
            public int read() {
                if (position == current.length) {
                    if (written == lines) {
                        return -1;
                    }
                    written++;
                    current = ("S1,T1,R-" + written + ",SALE,2025-03-14T10:00:00Z," + CARD + ",1234,EUR,\n").getBytes(StandardCharsets.UTF_8);
                    position = 0;
                }
                return current[position++];
            }
        };
    }

    /** Counts result lines and forgets them. */
    private static final class CountingWriter extends Writer {
        private long newlines;

        @Override
        public void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    newlines++;
                }
            }
        }

        @Override
        public void write(int c) {
            if (c == '\n') {
                newlines++;
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
