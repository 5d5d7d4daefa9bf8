package io.loyaltyhub.hub.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's figures: one table row per set-up and kind of disruption (hub, database or broker killed; the hub's
 * SIGTERM at the end of the load), then the set-up's total, printed and written as JSON with every kill and
 * the findings. A transaction counts in the row of the disruption that followed its first send; a finding in the
 * row of the disruption that followed the answer it concerns (the one that lost it).
 */
final class ChaosReport {
    private static final int FINDINGS_IN_JSON = 200;
    private static final String TOTAL = "all";

    private final List<SetUpResult> results;
    private final long seed;
    private final ChaosOptions options;
    private final String command;

    ChaosReport(List<SetUpResult> results, long seed, ChaosOptions options, String command) {
        this.results = results;
        this.seed = seed;
        this.options = options;
        this.command = command;
    }

    /** One row's figures. */
    static final class Row {
        final String setUp;
        final String disruption;
        int cycles;
        long sent;
        final Map<AnswerKind, Long> acknowledged = new EnumMap<>(AnswerKind.class);
        final Map<Problem, Long> problems = new EnumMap<>(Problem.class);
        final List<Long> outages = new ArrayList<>();

        Row(String setUp, String disruption) {
            this.setUp = setUp;
            this.disruption = disruption;
        }

        long lost() {
            return problems.getOrDefault(Problem.LOST, 0L) + problems.getOrDefault(Problem.PENDING_LOST, 0L);
        }

        long doubled() {
            return problems.getOrDefault(Problem.DOUBLED, 0L);
        }

        long neverCredited() {
            return problems.getOrDefault(Problem.PENDING_NEVER_CREDITED, 0L);
        }

        long otherFailures() {
            return problems.entrySet().stream().filter(e -> e.getKey().failsRun() && e.getKey() != Problem.LOST
                    && e.getKey() != Problem.PENDING_LOST && e.getKey() != Problem.DOUBLED
                    && e.getKey() != Problem.PENDING_NEVER_CREDITED).mapToLong(Map.Entry::getValue).sum();
        }

        String outagePercentile(double percentile) {
            if (outages.isEmpty()) {
                return "";
            }
            List<Long> sorted = outages.stream().sorted().toList();
            int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
            return String.format(Locale.ROOT, "%.1f", sorted.get(Math.max(0, index)) / 1000.0);
        }
    }

    List<Row> rows(SetUpResult result) {
        Map<String, Row> rows = new LinkedHashMap<>();
        String name = result.setUp().optionName();
        for (RunEvent event : result.events()) {
            Row row = rows.computeIfAbsent(event.label(), label -> new Row(name, label));
            if (event.cycle() > 0) {
                row.cycles++;
                if (event.outageMillis() >= 0) {
                    row.outages.add(event.outageMillis());
                }
            }
        }
        Row total = new Row(name, TOTAL);
        for (SwipeRecord record : result.records()) {
            Row row = rows.get(disruptionAfter(result.events(), record.firstSentAt()));
            for (Row r : row == null ? List.of(total) : List.of(row, total)) {
                r.sent++;
                Answer ack = record.acknowledgment();
                if (ack != null) {
                    r.acknowledged.merge(ack.kind(), 1L, Long::sum);
                }
            }
        }
        for (Finding finding : result.findings()) {
            Row row = finding.at() < 0 ? null : rows.get(disruptionAfter(result.events(), finding.at()));
            for (Row r : row == null ? List.of(total) : List.of(row, total)) {
                r.problems.merge(finding.problem(), 1L, Long::sum);
            }
        }
        rows.values().forEach(row -> {
            total.cycles += row.cycles;
            total.outages.addAll(row.outages);
        });
        List<Row> list = new ArrayList<>(rows.values());
        list.add(total);
        return list;
    }

    /** Per channel: transactions sent, acknowledged by kind, and lost (acknowledged, then gone). */
    static Map<String, Map<String, Long>> byChannel(SetUpResult result) {
        Map<String, Map<String, Long>> channels = new java.util.TreeMap<>();
        for (SwipeRecord record : result.records()) {
            Map<String, Long> counts = channels.computeIfAbsent(channelOf(record), c -> new LinkedHashMap<>());
            counts.merge("sent", 1L, Long::sum);
            Answer ack = record.acknowledgment();
            if (ack != null) {
                counts.merge(ack.kind().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
            }
            counts.merge("resends", (long) record.retries(), Long::sum);
        }
        for (Finding finding : result.findings()) {
            if (finding.record() != null && (finding.problem() == Problem.LOST || finding.problem() == Problem.PENDING_LOST)) {
                channels.get(channelOf(finding.record())).merge("lost", 1L, Long::sum);
            }
        }
        return channels;
    }

    /** The channel's name; the recovery probe's balance inquiries (HTTP) apart. */
    private static String channelOf(SwipeRecord record) {
        return RecoveryProbe.TERMINAL.equals(record.terminal()) ? "probe" : record.channel().name().toLowerCase(Locale.ROOT);
    }

    /** The label of the first disruption at or after {@code at}, or null when none followed. */
    static String disruptionAfter(List<RunEvent> events, long at) {
        return events.stream().filter(e -> e.at() >= at).findFirst().map(RunEvent::label).orElse(null);
    }

    void print(PrintStream out) {
        String format = "%-9s %-17s %6s %8s %9s %8s %8s %6s %7s %9s %6s %8s %8s%n";
        out.printf(format, "set-up", "disruption", "cycles", "sent", "approved", "declined", "pending", "lost", "doubled",
                "never-cr.", "other", "p50 s", "max s");
        for (SetUpResult result : results) {
            for (Row row : rows(result)) {
                out.printf(format, row.setUp, row.disruption, row.cycles, row.sent, count(row, AnswerKind.APPROVED),
                        count(row, AnswerKind.DECLINED), count(row, AnswerKind.PENDING), row.lost(), row.doubled(),
                        row.neverCredited(), row.otherFailures(), row.outagePercentile(50), row.outagePercentile(100));
            }
        }
        out.println("(sent: transactions first sent before that disruption; lost: acknowledged, then gone; never-cr.: answered"
                + " pending, never credited; other: outcome, ledger, balance or card mismatches, unanswered, rejected;"
                + " p50/max: kill -9 until the engine answered again)");
        for (SetUpResult result : results) {
            out.println("[" + result.setUp().optionName() + "] by channel: " + byChannel(result).entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList());
            result.notes().forEach(note -> out.println("[" + result.setUp().optionName() + "] note: " + note));
            Map<Problem, Long> problems = problemCounts(result);
            if (!problems.isEmpty()) {
                out.println("[" + result.setUp().optionName() + "] findings: " + problems);
            }
            result.findings().stream().filter(f -> f.problem().failsRun()).limit(10).forEach(f -> out.println("  "
                    + describe(result, f)));
        }
        out.println("seed " + seed + "; " + (passed() ? "PASSED: nothing acknowledged was lost or doubled"
                : "FAILED: see the findings above and in the JSON"));
    }

    private static long count(Row row, AnswerKind kind) {
        return row.acknowledged.getOrDefault(kind, 0L);
    }

    private static Map<Problem, Long> problemCounts(SetUpResult result) {
        Map<Problem, Long> counts = new EnumMap<>(Problem.class);
        result.findings().forEach(f -> counts.merge(f.problem(), 1L, Long::sum));
        return counts;
    }

    private static String describe(SetUpResult result, Finding finding) {
        StringBuilder text = new StringBuilder(finding.problem().name()).append(": ");
        if (finding.record() != null) {
            text.append(finding.record()).append(": ");
        }
        text.append(finding.detail());
        RunEvent next = result.events().stream().filter(e -> finding.at() >= 0 && e.at() >= finding.at()).findFirst().orElse(null);
        if (next != null) {
            text.append(String.format(Locale.ROOT, " (sent %d ms before %s, cycle %d%s)", next.at() - finding.at(), next.label(),
                    next.cycle(), answeredBefore(finding, next)));
        }
        return text.toString();
    }

    /** When the answer was noted, relative to the disruption (a busy machine may note it a little after). */
    private static String answeredBefore(Finding finding, RunEvent next) {
        if (finding.record() == null || finding.record().acknowledgment() == null) {
            return "";
        }
        long before = next.at() - finding.record().acknowledgment().atMillis();
        return before >= 0 ? ", answered " + before + " ms before it" : ", answer noted " + -before + " ms after it";
    }

    boolean passed() {
        return results.stream().noneMatch(SetUpResult::failed);
    }

    Path writeJson(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("suite", "loyalty-hub chaos");
        root.put("seed", seed);
        root.put("passed", passed());
        root.put("command", command);
        root.put("at", Instant.now().toString());
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        ObjectNode settings = root.putObject("options");
        settings.put("cyclesPerSetUp", options.cycles());
        settings.put("tillsPerChannel", options.tills());
        settings.put("cards", options.cards());
        settings.put("thinkMs", options.thinkTime().toMillis());
        settings.put("answerTimeoutMs", options.answerTimeout().toMillis());
        settings.put("loadSecondsMin", options.timing().minLoad().toMillis() / 1000.0);
        settings.put("loadSecondsMax", options.timing().maxLoad().toMillis() / 1000.0);
        settings.put("outageSecondsMax", options.timing().maxOutage().toMillis() / 1000.0);
        settings.put("recoverySeconds", options.timing().recovery().toSeconds());
        ArrayNode setUps = root.putArray("setUps");
        for (SetUpResult result : results) {
            setUps.add(setUpJson(mapper, result));
        }
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        return file;
    }

    private ObjectNode setUpJson(ObjectMapper mapper, SetUpResult result) {
        ObjectNode node = mapper.createObjectNode();
        node.put("setUp", result.setUp().optionName());
        node.put("passed", !result.failed());
        if (result.aborted() != null) {
            node.put("aborted", result.aborted());
        }
        ArrayNode channels = node.putArray("channels");
        result.channels().forEach(c -> channels.add(c.name().toLowerCase(Locale.ROOT)));
        node.put("seconds", (result.endedAt() - result.startedAt()) / 1000);
        node.put("transactions", result.records().size());
        ArrayNode notes = node.putArray("notes");
        result.notes().forEach(notes::add);
        ArrayNode rows = node.putArray("rows");
        for (Row row : rows(result)) {
            ObjectNode r = rows.addObject();
            r.put("disruption", row.disruption);
            r.put("cycles", row.cycles);
            r.put("sent", row.sent);
            ObjectNode acknowledged = r.putObject("acknowledged");
            row.acknowledged.forEach((kind, n) -> acknowledged.put(kind.name().toLowerCase(Locale.ROOT), n));
            r.put("lost", row.lost());
            r.put("doubled", row.doubled());
            r.put("pendingNeverCredited", row.neverCredited());
            r.put("otherFailures", row.otherFailures());
            ObjectNode problems = r.putObject("problems");
            row.problems.forEach((problem, n) -> problems.put(problem.name(), n));
            if (!row.outages.isEmpty()) {
                r.put("killToAnsweringP50Seconds", Double.parseDouble(row.outagePercentile(50)));
                r.put("killToAnsweringMaxSeconds", Double.parseDouble(row.outagePercentile(100)));
            }
        }
        ObjectNode channelCounts = node.putObject("byChannel");
        byChannel(result).forEach((channel, counts) -> {
            ObjectNode c = channelCounts.putObject(channel);
            counts.forEach(c::put);
        });
        ArrayNode events = node.putArray("events");
        for (RunEvent event : result.events()) {
            ObjectNode e = events.addObject();
            e.put("cycle", event.cycle());
            e.put("component", event.component());
            e.put("action", event.action());
            e.put("at", Instant.ofEpochMilli(event.at()).toString());
            if (event.cycle() > 0) {
                e.put("componentDownMs", event.backAt() - event.at());
                e.put("killToAnsweringMs", event.outageMillis());
                e.put("restartToAnsweringMs", event.recoveryMillis());
                e.put("hubRestartedByHand", event.hubRestartedByHand());
            } else {
                e.put("stoppedByItself", event.stoppedByItself());
                e.put("stopMs", event.backAt() - event.at());
            }
        }
        ArrayNode findings = node.putArray("findings");
        result.findings().stream().limit(FINDINGS_IN_JSON).forEach(f -> {
            ObjectNode j = findings.addObject();
            j.put("problem", f.problem().name());
            if (f.record() != null) {
                j.put("channel", f.record().channel().name().toLowerCase(Locale.ROOT));
                j.put("terminal", f.record().terminal());
                j.put("txnRef", f.record().ref());
                j.put("type", f.record().kind());
                j.put("card", f.record().card());
            }
            j.put("detail", f.detail());
            RunEvent next = result.events().stream().filter(e -> f.at() >= 0 && e.at() >= f.at()).findFirst().orElse(null);
            if (next != null) {
                j.put("disruption", next.label());
                j.put("cycle", next.cycle());
                j.put("sentMsBeforeIt", next.at() - f.at());
                if (f.record() != null && f.record().acknowledgment() != null) {
                    j.put("answeredMsBeforeIt", next.at() - f.record().acknowledgment().atMillis());
                }
            }
        });
        node.put("findingsLeftOut", Math.max(0, result.findings().size() - FINDINGS_IN_JSON));
        return node;
    }
}
