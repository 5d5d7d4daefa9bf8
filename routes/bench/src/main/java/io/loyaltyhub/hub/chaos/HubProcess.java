package io.loyaltyhub.hub.chaos;

import io.loyaltyhub.hub.config.HubSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hub as a real child process, started the way a user starts it ({@code java -jar loyalty-hub.jar run -s ...})
 * on the set-up's settings; every start appends to the same log. Whether it answers is the probe's business
 * ({@link RecoveryProbe}): a hub is up when a till gets an answer, not when its process exists.
 */
final class HubProcess implements Component {
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final JavaLauncher launcher;
    private final Map<String, String> settings;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Path log;
    private ChildProcess process;

    /** @param secrets settings given through the environment ({@code HUB_DB_PASSWORD}), never on the command line */
    HubProcess(JavaLauncher launcher, Map<String, String> settings, Map<String, String> secrets, Path log) {
        this.launcher = launcher;
        this.settings = new LinkedHashMap<>(settings);
        secrets.forEach((key, value) -> environment.put(HubSettings.environmentName(key), value));
        this.log = log;
    }

    /** The settings as {@code -s key=value} options, for the hub and for the operator commands alike. */
    static List<String> settingOptions(Map<String, String> settings) {
        List<String> options = new ArrayList<>();
        settings.forEach((key, value) -> {
            options.add("-s");
            options.add(key + "=" + value);
        });
        return options;
    }

    @Override
    public String name() {
        return "hub";
    }

    @Override
    public void start() throws IOException {
        List<String> arguments = new ArrayList<>(List.of("run"));
        arguments.addAll(settingOptions(settings));
        process = ChildProcess.start("hub", launcher.command(arguments), environment, log);
    }

    @Override
    public void kill9() {
        if (process != null) {
            process.kill9();
        }
    }

    @Override
    public boolean stop() {
        return process == null || !process.isAlive() || process.terminate(STOP_GRACE);
    }

    /** What the hub is doing, for a hub that does not answer ({@link HubDiagnosis}). */
    String diagnosis() {
        return HubDiagnosis.of(process, log);
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }
}
