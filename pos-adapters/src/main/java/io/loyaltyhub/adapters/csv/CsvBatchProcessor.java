package io.loyaltyhub.adapters.csv;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.Submitted;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Processes one end-of-day batch file line by line: each line is decided on its own, handed to the crediting
 * path, and its outcome written to the result file in line order. At most {@code window} lines are in flight,
 * so memory stays flat however long the file is. A line the engine has not answered within {@code answerTimeout}
 * of being submitted is reported "accepted-pending": it is already durable and will be credited.
 *
 * A line the crediting path did not store (or could not confirm as stored) is reported rejected with that code
 * ({@code not-accepted}, {@code not-confirmed}, ...): dropping the same file again answers the lines already
 * credited as duplicates and credits the rest, so nothing is lost or doubled.
 */
public final class CsvBatchProcessor {
    /**
     * Lines handed to the crediting path together (never more than the window): one call for many lines is cheaper
     * than one each, and the queue behind it stores a group in fewer messages.
     */
    static final int GROUP = 64;

    private final CsvLineMapper mapper;
    private final Function<List<PosTransaction>, List<Submitted>> creditingPath;
    private final int window;
    private final Duration answerTimeout;

    /**
     * @param creditingPath takes a group of transactions (in line order) and returns one {@link Submitted} each, in
     *                      the same order
     */
    public CsvBatchProcessor(CsvLineMapper mapper, Function<List<PosTransaction>, List<Submitted>> creditingPath,
                             int window, Duration answerTimeout) {
        if (window < 1) {
            throw new IllegalArgumentException("the in-flight window must hold at least one line");
        }
        this.mapper = mapper;
        this.creditingPath = creditingPath;
        this.window = window;
        this.answerTimeout = answerTimeout;
    }

    /** A crediting path that takes one transaction at a time, as a path for groups. */
    public static Function<List<PosTransaction>, List<Submitted>> oneAtATime(Function<PosTransaction, Submitted> credit) {
        return group -> group.stream().map(credit).toList();
    }

    public CsvBatchSummary process(MerchantId merchant, InputStream file, Writer results) throws IOException {
        BoundedLineReader lines = new BoundedLineReader(new BufferedReader(new InputStreamReader(file,
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)), 64 * 1024), CsvBatchLayout.MAX_LINE_CHARS);
        CsvResultWriter writer = new CsvResultWriter(results);
        writer.writeHeader();
        String headerProblem = headerProblem(lines.next());
        if (headerProblem != null) {
            writer.write(CsvLineResult.rejected(1, null, headerProblem, "the first line must be exactly: " + CsvBatchLayout.HEADER));
            writer.flush();
            return CsvBatchSummary.refused(headerProblem);
        }
        InFlight inFlight = new InFlight(writer);
        Group group = new Group(inFlight, Math.min(GROUP, window));
        for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
            if (line.tooLong()) {
                group.add(new Decided(CsvLineResult.rejected(line.number(), null, "line-too-long",
                        "lines are limited to " + CsvBatchLayout.MAX_LINE_CHARS + " characters")));
            } else if (!line.text().isBlank()) {
                group.add(decide(merchant, line));
            }
        }
        group.handOver();
        inFlight.drainAll();
        writer.flush();
        return inFlight.summary();
    }

    private Decision decide(MerchantId merchant, BoundedLineReader.Line line) {
        CsvLineDecision decision;
        try {
            decision = mapper.decide(merchant, line.number(), CsvFields.split(line.text()));
        } catch (IllegalArgumentException e) {
            return new Decided(CsvLineResult.rejected(line.number(), null, "line-format", "the line is not valid CSV: " + e.getMessage()));
        }
        if (decision instanceof CsvLineDecision.Reject reject) {
            return new Decided(CsvLineResult.rejected(reject.lineNumber(), reject.txnRef(), reject.code(), reject.message()));
        }
        CsvLineDecision.Submit submit = (CsvLineDecision.Submit) decision;
        return new ToCredit(submit.lineNumber(), submit.txnRef(), submit.transaction());
    }

    private static String headerProblem(BoundedLineReader.Line header) {
        if (header == null) {
            return "header-missing";
        }
        String text = header.tooLong() ? "" : header.text().replace("\uFEFF", "").replace(" ", "").toLowerCase(Locale.ROOT);
        return text.equals(CsvBatchLayout.HEADER) ? null : "header-mismatch";
    }

    /** What became of a line once read: refused at once, or to be credited. */
    private sealed interface Decision permits Decided, ToCredit {
    }

    /** A line that goes to the crediting path with the rest of its group. */
    private record ToCredit(long line, String txnRef, PosTransaction transaction) implements Decision {
    }

    /** Lines read but not yet handed over: refusals keep their place in line order between the lines to credit. */
    private final class Group {
        private final InFlight inFlight;
        private final int size;
        private final List<Decision> decisions = new ArrayList<>();
        private final List<PosTransaction> toCredit = new ArrayList<>();

        Group(InFlight inFlight, int size) {
            this.inFlight = inFlight;
            this.size = size;
        }

        void add(Decision decision) {
            decisions.add(decision);
            if (decision instanceof ToCredit line) {
                toCredit.add(line.transaction());
            }
            if (decisions.size() >= size) {
                handOver();
            }
        }

        /** Hands the group's transactions to the crediting path in one call, and queues every line for the result file. */
        void handOver() {
            inFlight.makeRoomFor(decisions.size());
            List<Submitted> submitted = toCredit.isEmpty() ? List.of() : creditingPath.apply(List.copyOf(toCredit));
            if (submitted.size() != toCredit.size()) {
                throw new IllegalStateException("the crediting path answered " + submitted.size() + " of "
                        + toCredit.size() + " transactions");
            }
            long deadline = System.nanoTime() + answerTimeout.toNanos();
            int next = 0;
            for (Decision decision : decisions) {
                if (decision instanceof ToCredit line) {
                    inFlight.add(new SubmittedLine(line.line(), line.txnRef(), submitted.get(next++), deadline));
                } else {
                    inFlight.add((Decided) decision);
                }
            }
            decisions.clear();
            toCredit.clear();
        }
    }

    /** A line on its way to the result file. */
    private interface Row {
        boolean settled();

        CsvLineResult await();
    }

    /** A line refused before the crediting path. */
    private record Decided(CsvLineResult result) implements Row, Decision {
        @Override
        public boolean settled() {
            return true;
        }

        @Override
        public CsvLineResult await() {
            return result;
        }
    }

    /** A line handed to the crediting path, waiting for its answer until {@code deadlineNanos}. */
    private record SubmittedLine(long line, String txnRef, Submitted submitted, long deadlineNanos) implements Row {

        @Override
        public boolean settled() {
            return submitted.answer().isDone();
        }

        @Override
        public CsvLineResult await() {
            try {
                long remaining = Math.max(0, deadlineNanos - System.nanoTime());
                submitted.answer().get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // not answered in time, or not stored: what may be said now tells which
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the engine's answers", e);
            }
            Submitted.Verdict verdict = submitted.now();
            if (verdict instanceof Submitted.Answered answered) {
                return CsvLineResult.answered(line, txnRef, answered.outcome());
            }
            if (verdict instanceof Submitted.NotStored notStored) {
                // the merchant sends the file again: lines already credited are answered as duplicates
                return CsvLineResult.rejected(line, txnRef, notStored.code(), notStored.reason());
            }
            // stored means durable: an answer that is late does not undo the credit
            return CsvLineResult.pending(line, txnRef);
        }
    }

    /** Results in line order, with at most {@code window} lines held at once. */
    private final class InFlight {
        private final Deque<Row> queue = new ArrayDeque<>();
        private final CsvResultWriter writer;
        private long lines;
        private long approved;
        private long declined;
        private long pending;
        private long rejected;
        private long notStored;

        InFlight(CsvResultWriter writer) {
            this.writer = writer;
        }

        void add(Row row) {
            queue.addLast(row);
            while (!queue.isEmpty() && (queue.size() > window || queue.peekFirst().settled())) {
                write(queue.pollFirst());
            }
        }

        /** Writes the oldest lines (waiting for their answers) until {@code lines} more fit in the window. */
        void makeRoomFor(int lines) {
            while (!queue.isEmpty() && queue.size() + lines > window) {
                write(queue.pollFirst());
            }
        }

        void drainAll() {
            while (!queue.isEmpty()) {
                write(queue.pollFirst());
            }
        }

        private void write(Row row) {
            CsvLineResult result = row.await();
            lines++;
            switch (result.status()) {
                case APPROVED -> approved++;
                case DECLINED -> declined++;
                case PENDING -> pending++;
                case REJECTED -> rejected++;
            }
            if (row instanceof SubmittedLine && result.status() == CsvLineResult.Status.REJECTED) {
                notStored++;
            }
            writer.write(result);
        }

        CsvBatchSummary summary() {
            return new CsvBatchSummary(lines, approved, declined, pending, rejected, notStored, null);
        }
    }
}
