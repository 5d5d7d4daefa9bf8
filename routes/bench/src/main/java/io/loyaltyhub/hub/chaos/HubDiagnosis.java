package io.loyaltyhub.hub.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a hub that does not answer was doing, in a few lines a CI log keeps: whether its process lives, the last lines
 * it logged (stack frames left out), and, from a thread dump it is asked for with SIGQUIT (the JVM writes it to the
 * hub's log), the threads that were in the hub's own code. The whole dump stays in the log.
 */
final class HubDiagnosis {
    private static final String DUMP_START = "Full thread dump";
    private static final int LOG_LINES = 15;
    private static final int THREADS = 10;
    private static final int FRAMES = 6;
    private static final Duration DUMP_WAIT = Duration.ofSeconds(10);

    private HubDiagnosis() {
    }

    /** @param process the hub's process, or null when it was never started */
    static String of(ChildProcess process, Path log) {
        List<String> lines = new ArrayList<>();
        if (process == null) {
            return "the hub was never started";
        }
        boolean alive = process.isAlive();
        lines.add(alive ? "the hub's process (pid " + process.pid() + ") is running" : "the hub's process exited with " + process.exitValue());
        List<String> before = read(log);
        lines.add("its last log lines:");
        lastLogLines(before).forEach(line -> lines.add("  | " + line));
        if (alive && process.signalQuit()) {
            List<String> dump = awaitDump(log, before.size());
            List<String> threads = threadsInHubCode(dump);
            lines.add(threads.isEmpty() ? "no thread dump came (or no thread was in the hub's code)" : "threads in the hub's code:");
            threads.forEach(line -> lines.add("  | " + line));
        }
        return String.join(System.lineSeparator(), lines);
    }

    private static List<String> lastLogLines(List<String> log) {
        List<String> kept = new ArrayList<>();
        for (int i = log.size() - 1; i >= 0 && kept.size() < LOG_LINES; i--) {
            String line = log.get(i);
            if (!line.isBlank() && !line.startsWith("\t") && !line.startsWith("    at ")) {
                kept.add(0, line);
            }
        }
        return kept;
    }

    private static List<String> awaitDump(Path log, int from) {
        long deadline = System.nanoTime() + DUMP_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lines = read(log);
            List<String> after = lines.subList(Math.min(from, lines.size()), lines.size());
            int start = indexOf(after, DUMP_START);
            if (start >= 0 && after.stream().skip(start).anyMatch(line -> line.startsWith("JNI global refs"))) {
                return after.subList(start, after.size());
            }
            RunControl.pause(Duration.ofMillis(100));
        }
        return List.of();
    }

    /** Each thread with a frame in {@code io.loyaltyhub}: its header and first frames, and its first hub frame. */
    static List<String> threadsInHubCode(List<String> dump) {
        List<String> out = new ArrayList<>();
        List<List<String>> threads = split(dump);
        for (List<String> thread : threads) {
            if (out.size() >= THREADS * (FRAMES + 2)) {
                break;
            }
            if (thread.stream().noneMatch(line -> line.contains("io.loyaltyhub."))) {
                continue;
            }
            out.add(thread.get(0).replaceAll(" (prio|os_prio|cpu|elapsed|tid|nid)=\\S+", ""));
            thread.stream().skip(1).limit(FRAMES).map(String::strip).forEach(line -> out.add("    " + line));
            thread.stream().skip(1 + FRAMES).filter(line -> line.contains("io.loyaltyhub.")).findFirst()
                    .ifPresent(line -> out.add("    ... " + line.strip()));
        }
        return out;
    }

    private static List<List<String>> split(List<String> dump) {
        List<List<String>> threads = new ArrayList<>();
        List<String> current = null;
        for (String line : dump) {
            if (line.startsWith("\"")) {
                current = new ArrayList<>();
                threads.add(current);
                current.add(line);
            } else if (current != null && !line.isBlank()) {
                current.add(line);
            } else {
                current = null;
            }
        }
        return threads;
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> read(Path log) {
        try {
            return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList() : List.of();
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }
}
