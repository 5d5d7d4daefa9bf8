package io.loyaltyhub.hub.chaos;

import io.loyaltyhub.domain.txn.TransactionType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * A store back office sending end-of-day CSV files (docs/csv.md): every few seconds a file of lines is written
 * beside the merchant's inbox and renamed into it; its result file gives each line's answer. A line the hub could
 * not store ({@code rejected,not-accepted}) goes into the next file again; a file that left the inbox without a
 * result (the hub failed in the middle of it) is dropped again under another name, as the documentation says.
 * A line's content never changes between its drops. While two files wait for their result, no new one is sent.
 */
final class CsvBackOffice implements Runnable {
    private static final String HEADER =
            "store_code,terminal_code,txn_ref,type,occurred_at,card_number,amount_minor,currency,original_txn_ref";
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration GONE_WITHOUT_RESULT = Duration.ofSeconds(2);
    /** A back office sends its next file while at most this many wait for their result (not a pile while the hub is down). */
    private static final int MOST_FILES_WAITING = 2;

    /** One line as first written, and the till's record of it. */
    record Line(SwipeRecord record, String text) {
    }

    /** A file in the inbox, waiting for its result. */
    private static final class Drop {
        final String name;
        final List<Line> lines;
        long goneSince = -1;

        Drop(String name, List<Line> lines) {
            this.name = name;
            this.lines = lines;
        }
    }

    private final String store;
    private final String terminal;
    private final Path inbox;
    private final Path results;
    private final CardBook cards;
    private final Notebook notebook;
    private final SwipePlanner planner;
    private final RunControl control;
    private final int linesPerFile;
    private final Duration dropInterval;
    private final List<Line> sent = new ArrayList<>();
    private final List<Drop> waiting = new ArrayList<>();
    private final Deque<Line> toSendAgain = new ArrayDeque<>();
    private final java.util.Map<SwipeRecord, PlannedSwipe> planned = new java.util.HashMap<>();
    private int files;
    private long lines;
    private volatile boolean rechecking;

    CsvBackOffice(String store, String terminal, Path inbox, Path results, CardBook cards, Notebook notebook, SwipePlanner planner,
                  RunControl control, int linesPerFile, Duration dropInterval) {
        this.store = store;
        this.terminal = terminal;
        this.inbox = inbox;
        this.results = results;
        this.cards = cards;
        this.notebook = notebook;
        this.planner = planner;
        this.control = control;
        this.linesPerFile = linesPerFile;
        this.dropInterval = dropInterval;
    }

    @Override
    public void run() {
        long nextDrop = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            if (control.takingNewSwipes() && System.nanoTime() >= nextDrop && waiting.size() < MOST_FILES_WAITING) {
                List<Line> file = new ArrayList<>(drainSendAgain());
                for (int i = 0; i < linesPerFile; i++) {
                    file.add(ring(planner.next()));
                }
                drop("eod-" + terminal, file);
                nextDrop = System.nanoTime() + dropInterval.toNanos();
            } else if (!control.takingNewSwipes() && !toSendAgain.isEmpty()) {
                drop("eod-" + terminal, drainSendAgain());
            }
            collectResults();
            if (!control.takingNewSwipes() && waiting.isEmpty() && toSendAgain.isEmpty() || control.givenUp()) {
                return;
            }
            RunControl.pause(POLL);
        }
    }

    private Line ring(PlannedSwipe swipe) {
        String ref = terminal + "-" + (++lines);
        SwipeRecord record = notebook.add(new SwipeRecord(Channel.CSV, terminal, ref, swipe.type().name(), swipe.card(),
                System.currentTimeMillis()));
        String text = String.join(",", store, terminal, ref, swipe.type().name(),
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(), cards.number(swipe.card()),
                Long.toString(swipe.type() == TransactionType.VOID ? 0 : swipe.amount()), "EUR",
                swipe.original() == null ? "" : swipe.original().ref());
        Line line = new Line(record, text);
        sent.add(line);
        planned.put(record, swipe);
        return line;
    }

    private List<Line> drainSendAgain() {
        List<Line> again = new ArrayList<>(toSendAgain);
        toSendAgain.clear();
        return again;
    }

    private void drop(String prefix, List<Line> fileLines) {
        if (fileLines.isEmpty()) {
            return;
        }
        String name = prefix + "-" + (++files) + ".csv";
        StringBuilder content = new StringBuilder(HEADER).append('\n');
        long now = System.currentTimeMillis();
        fileLines.forEach(line -> {
            content.append(line.text()).append('\n');
            line.record().attempted();
            if (rechecking) {
                line.record().recheckSending(now);
            }
        });
        try {
            Files.createDirectories(inbox);
            Path part = inbox.resolve(name + ".part");
            Files.writeString(part, content, StandardCharsets.UTF_8);
            Files.move(part, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot drop " + name + " into " + inbox, e);
        }
        waiting.add(new Drop(name, fileLines));
    }

    private void collectResults() {
        for (Iterator<Drop> it = waiting.iterator(); it.hasNext(); ) {
            Drop drop = it.next();
            Path result = results.resolve(drop.name + ".result.csv");
            if (Files.exists(result)) {
                settle(drop, readLines(result));
                it.remove();
            } else if (Files.exists(results.resolve(drop.name + ".duplicate.result.csv")) || goneWithoutResult(drop)) {
                drop.lines.forEach(line -> line.record().retried(false));
                toSendAgain.addAll(drop.lines);
                it.remove();
            }
        }
    }

    /** The file left the inbox and no result came: the hub failed in the middle of it (it is in error/). */
    private boolean goneWithoutResult(Drop drop) {
        if (Files.exists(inbox.resolve(drop.name))) {
            drop.goneSince = -1;
            return false;
        }
        if (drop.goneSince < 0) {
            drop.goneSince = System.nanoTime();
        }
        return System.nanoTime() - drop.goneSince > GONE_WITHOUT_RESULT.toNanos();
    }

    private static List<String> readLines(Path result) {
        try {
            return Files.readAllLines(result, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + result, e);
        }
    }

    /** Reads a result file: {@code line,txn_ref,status,code,points,balance,last4,duplicate,message}, one row per line. */
    private void settle(Drop drop, List<String> rows) {
        long at = System.currentTimeMillis();
        boolean[] answered = new boolean[drop.lines.size()];
        for (String row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            String[] cells = row.split(",", 9);
            if (cells.length < 8 || !cells[0].matches("[0-9]+")) {
                continue;
            }
            int index = Integer.parseInt(cells[0]) - 2;
            if (index < 0 || index >= drop.lines.size()) {
                continue; // line 0: the file as a whole was refused; every line is sent again below
            }
            Line line = drop.lines.get(index);
            Attempt attempt = attempt(cells, at);
            answered[index] = true;
            if (attempt instanceof Attempt.Answered a) {
                settled(line, a.answer());
            } else {
                if (!rechecking) {
                    line.record().retried(((Attempt.Retry) attempt).notStored());
                }
                toSendAgain.add(line);
            }
        }
        for (int i = 0; i < answered.length; i++) {
            if (!answered[i]) {
                toSendAgain.add(drop.lines.get(i));
            }
        }
    }

    private static Attempt attempt(String[] cells, long at) {
        String status = cells[2];
        String code = cells[3];
        return switch (status) {
            case "approved", "declined" -> Attempt.answered(new Answer(status.equals("approved") ? AnswerKind.APPROVED
                    : AnswerKind.DECLINED, code, number(cells[4]), cells[5].isEmpty() ? null : number(cells[5]),
                    Boolean.parseBoolean(cells[7]), at));
            case "pending" -> Attempt.answered(new Answer(AnswerKind.PENDING, code, null, null, null, at));
            default -> JsonAnswers.asksAgain(code) ? new Attempt.Retry("csv-" + code, JsonAnswers.saysNotStored(code), null)
                    : Attempt.answered(new Answer(AnswerKind.REJECTED, code, null, null, null, at));
        };
    }

    private static long number(String cell) {
        return cell.isEmpty() ? 0 : Long.parseLong(cell.trim());
    }

    private void settled(Line line, Answer answer) {
        if (rechecking) {
            if (answer.kind() == AnswerKind.PENDING && !control.givenUp()) {
                toSendAgain.add(line);
            } else {
                line.record().rechecked(answer);
            }
            return;
        }
        line.record().answered(answer);
        planner.settled(planned.get(line.record()), line.record(), answer);
    }

    /** Drops every acknowledged line again, in one file, and again for those still pending, until answered or given up. */
    void recheckAll() {
        rechecking = true;
        toSendAgain.clear();
        waiting.clear();
        List<Line> acknowledged = sent.stream().filter(line -> line.record().acknowledged()).toList();
        drop("recheck-" + terminal, acknowledged);
        while (!control.givenUp() && !Thread.currentThread().isInterrupted()) {
            collectResults();
            if (waiting.isEmpty()) {
                if (toSendAgain.isEmpty()) {
                    return;
                }
                RunControl.pause(Duration.ofSeconds(1));
                drop("recheck-" + terminal, drainSendAgain());
            }
            RunControl.pause(POLL);
        }
    }
}
