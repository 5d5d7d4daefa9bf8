package io.loyaltyhub.hub.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A process the chaos suite started (a hub, a database server, a broker), its output appended to a log file.
 * Every one is remembered until it has exited, so that {@link #killAll} (run by {@link WorkDir}'s shutdown hook
 * before it deletes the files) can kill those still running, and their descendants: an interrupted run leaves
 * nothing behind. Killing is by process id only.
 */
final class ChildProcess {
    private static final Set<ChildProcess> RUNNING = ConcurrentHashMap.newKeySet();

    private final String name;
    private final Process process;

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    static ChildProcess start(String name, List<String> command, Path log) throws IOException {
        return start(name, command, java.util.Map.of(), log);
    }

    /** @param environment variables added to the child's environment (secrets go here, never on the command line) */
    static ChildProcess start(String name, List<String> command, java.util.Map<String, String> environment, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        ChildProcess child = new ChildProcess(name, builder.start());
        RUNNING.add(child);
        child.process.onExit().thenRun(() -> RUNNING.remove(child));
        return child;
    }

    /** Runs a short command to its end; its output goes to the log. */
    static int runToEnd(String name, List<String> command, Path log, Duration timeout) throws IOException, InterruptedException {
        ChildProcess child = start(name, command, log);
        if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            child.kill9();
            throw new IOException(name + " did not finish within " + timeout.toSeconds() + " s (see " + log + ")");
        }
        return child.process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    /** SIGQUIT: a JVM writes a thread dump to its output (here, its log) and goes on. @return whether it was sent */
    boolean signalQuit() {
        try {
            return new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no chance to flush, close or answer anything; waits until the process is gone. */
    void kill9() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /**
     * SIGTERM, then up to {@code grace} for the process to stop by itself; {@code kill -9} after that.
     * @return whether it stopped by itself within the grace time
     */
    boolean terminate(Duration grace) {
        process.destroy();
        if (awaitExit(grace)) {
            return true;
        }
        kill9();
        return false;
    }

    int exitValue() {
        return process.exitValue();
    }

    private boolean awaitExit(Duration within) {
        try {
            return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    static void killAll() {
        for (ChildProcess child : List.copyOf(RUNNING)) {
            child.process.descendants().forEach(ProcessHandle::destroyForcibly);
            child.process.destroyForcibly();
        }
        for (ChildProcess child : List.copyOf(RUNNING)) {
            child.awaitExit(Duration.ofSeconds(10));
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
