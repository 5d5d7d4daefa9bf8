package io.loyaltyhub.hub.testing;

import io.loyaltyhub.hub.config.HubSettings;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hub in a JVM of its own ({@code HubCommand run}), for tests that stop it with a signal or kill it. Its HTTP
 * listener binds port 0 like every in-process test hub: the port is read from the line {@code run} prints once the
 * hub listens, so no port is chosen before the process binds it. The broker's core acceptor also binds a free port;
 * the terminal acceptors and ISO 8583 are off unless the settings given turn them on. Output goes to
 * {@code hub.log} in the data directory.
 */
public final class ChildHub implements AutoCloseable {
    private static final Pattern RUNNING = Pattern.compile("Loyalty Hub is running\\. HTTP: http://[^:\\s]+:(\\d+)");

    private final Process process;
    private final Path log;

    private ChildHub(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code run} on this data directory; {@code settings} are added after (and so win over) the defaults. */
    public static ChildHub run(Path dataDir, Map<String, String> settings) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(HubSettings.localOnFreePorts(dataDir));
        all.put("hub.iso8583.listeners", "");
        for (String protocol : List.of("mqtt", "amqp", "stomp")) {
            all.put("hub.broker." + protocol + ".port", "");
        }
        all.putAll(settings);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.loyaltyhub.hub.cli.HubCommand", "run"));
        all.forEach((key, value) -> command.addAll(List.of("-s", key + "=" + value)));
        Path log = dataDir.resolve("hub.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildHub(process, log);
    }

    /**
     * Waits until the hub says it is running and returns the port its HTTP listener got.
     *
     * @throws AssertionError when the process ends first, or the wait times out; with the hub's output
     */
    public int awaitHttpPort(Duration atMost) {
        AtomicInteger port = new AtomicInteger();
        try {
            await().atMost(atMost).until(() -> {
                Matcher running = RUNNING.matcher(output());
                if (running.find()) {
                    port.set(Integer.parseInt(running.group(1)));
                    return true;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the hub exited with " + process.exitValue() + " before it ran:\n" + output());
                }
                return false;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the hub did not say it was running within " + atMost + ":\n" + output(), e);
        }
        return port.get();
    }

    public Process process() {
        return process;
    }

    /** Everything the hub printed and logged so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the process if it still runs (SIGKILL). */
    @Override
    public void close() {
        process.destroyForcibly();
    }
}
