package io.loyaltyhub.hub.chaos;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The chaos suite (docs/reliability.md): runs the hub as a child process in each set-up, drives tills through
 * every channel the set-up has, kills the hub, the database server and the broker with {@code kill -9} at random
 * moments, and audits what the tills were told against the database. Prints a table, writes JSON; exits 1 when
 * anything acknowledged was lost or doubled (or any other audit finding fails the run), 2 when a set-up could not
 * be run to its end.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Kill the hub, its database server and its broker under load; audit every transaction and balance.")
public final class ChaosCommand implements Callable<Integer> {
    @Option(names = "--setup", split = ",", defaultValue = "embedded,mysql",
            description = "set-ups to run: embedded (H2 + embedded Artemis), mysql (MariaDB server + external broker), "
                    + "cluster (three hubs, MariaDB, an Artemis primary/backup pair: needs --artemis-home); default ${DEFAULT-VALUE}")
    List<String> setUps;
    @Option(names = "--cycles", defaultValue = "10", description = "kill cycles per set-up (default ${DEFAULT-VALUE})")
    int cycles;
    @Option(names = "--seed", description = "seed of every random choice (default: a random one, printed)")
    Long seed;
    @Option(names = "--tills", defaultValue = "2", description = "tills per online channel (default ${DEFAULT-VALUE})")
    int tills;
    @Option(names = "--cards", defaultValue = "50", description = "cards the tills share (default ${DEFAULT-VALUE})")
    int cards;
    @Option(names = "--think-ms", defaultValue = "50", description = "a till's pause between transactions (default ${DEFAULT-VALUE})")
    long thinkMillis;
    @Option(names = "--answer-timeout-seconds", defaultValue = "10",
            description = "no answer within this: the till sends the transaction again (default ${DEFAULT-VALUE})")
    long answerTimeoutSeconds;
    @Option(names = "--min-load-seconds", defaultValue = "3", description = "least load between two kills (default ${DEFAULT-VALUE})")
    double minLoadSeconds;
    @Option(names = "--max-load-seconds", defaultValue = "10", description = "most load between two kills (default ${DEFAULT-VALUE})")
    double maxLoadSeconds;
    @Option(names = "--max-outage-seconds", defaultValue = "5",
            description = "most time a killed database server or broker stays down (default ${DEFAULT-VALUE})")
    double maxOutageSeconds;
    @Option(names = "--recovery-seconds", defaultValue = "60",
            description = "after the database server or broker is back, the hub must answer within this, or it is restarted "
                    + "by hand and that is reported (default ${DEFAULT-VALUE})")
    long recoverySeconds;
    @Option(names = "--hub-start-seconds", defaultValue = "180",
            description = "a started hub must answer within this, or the run stops (default ${DEFAULT-VALUE})")
    long hubStartSeconds;
    @Option(names = "--drain-seconds", defaultValue = "180",
            description = "at the end of the load, how long tills may resend the transaction in hand (default ${DEFAULT-VALUE})")
    long drainSeconds;
    @Option(names = "--recheck-seconds", defaultValue = "1800",
            description = "how long the resend of every acknowledged transaction may take (default ${DEFAULT-VALUE})")
    long recheckSeconds;
    @Option(names = "--csv-lines", defaultValue = "20", description = "lines per CSV file (default ${DEFAULT-VALUE})")
    int csvLines;
    @Option(names = "--csv-interval-ms", defaultValue = "2000", description = "time between two CSV files (default ${DEFAULT-VALUE})")
    long csvIntervalMillis;
    @Option(names = "--hub-jvm-option", description = "an option for the hub's and broker's JVM (repeatable), e.g. -Xmx1g")
    List<String> jvmOptions = new ArrayList<>();
    @Option(names = "--out", description = "the JSON result (default chaos-results/chaos-<time>.json)")
    Path out;
    @Option(names = "--artemis-home", description = "the unpacked Artemis distribution the cluster set-up makes its broker "
            + "pair from (docker/run-cluster-check.sh downloads it)")
    Path artemisHome;
    @Option(names = "--cluster-phase-seconds", defaultValue = "20", description = "cluster set-up: load before the hub "
            + "node is killed, between that and the primary broker's kill, and before and after the node is back "
            + "(default ${DEFAULT-VALUE})")
    long clusterPhaseSeconds;
    @Option(names = "--keep", description = "keep each set-up's work folder (hub data, logs) and print where it is")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        quietLogs();
        long runSeed = seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
        List<SetUp> chosen = setUps.stream().map(SetUp::of).distinct().toList();
        if (chosen.contains(SetUp.CLUSTER) && (artemisHome == null || !Files.isExecutable(artemisHome.resolve("bin/artemis")))) {
            throw new IllegalStateException("the cluster set-up needs --artemis-home, an unpacked Artemis distribution "
                    + "(docker/run-cluster-check.sh downloads one)");
        }
        if (chosen.contains(SetUp.MYSQL) || chosen.contains(SetUp.CLUSTER)) {
            MariaDbServer.missingBinaries().ifPresent(missing -> {
                throw new IllegalStateException("the mysql set-up needs a MariaDB server: " + missing);
            });
        }
        ChaosOptions options = new ChaosOptions(cycles, runSeed, tills, cards, Duration.ofMillis(thinkMillis),
                Duration.ofSeconds(answerTimeoutSeconds),
                new ChaosMonkey.Timing(seconds(minLoadSeconds), seconds(maxLoadSeconds), seconds(maxOutageSeconds),
                        Duration.ofSeconds(recoverySeconds), Duration.ofSeconds(hubStartSeconds)),
                Duration.ofSeconds(drainSeconds), Duration.ofSeconds(recheckSeconds), csvLines, Duration.ofMillis(csvIntervalMillis),
                keep, jvmOptions);
        JavaLauncher launcher = JavaLauncher.ofTheHub(jvmOptions);
        say("chaos suite: the hub runs as " + launcher.describe());
        say("chaos suite: seed " + runSeed + ", " + cycles + " kill cycles per set-up, set-ups " + setUps);
        List<SetUpResult> results = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (SetUp setUp : chosen) {
            try {
                results.add(setUp == SetUp.CLUSTER
                        ? new ClusterRun(options, launcher, artemisHome, Duration.ofSeconds(clusterPhaseSeconds), ChaosCommand::say).run()
                        : new ChaosRun(setUp, options, launcher, ChaosCommand::say).run());
            } catch (Exception e) {
                broken.add(setUp.optionName() + ": " + e.getMessage());
                say("[" + setUp.optionName() + "] the run could not be completed: " + e.getMessage());
            }
        }
        List<String> rerun = new ArrayList<>(List.of("--setup", String.join(",", setUps), "--cycles", Integer.toString(cycles),
                "--seed", Long.toString(runSeed)));
        jvmOptions.forEach(option -> rerun.addAll(List.of("--hub-jvm-option", option)));
        ChaosReport report = new ChaosReport(results, runSeed, options,
                JavaLauncher.describeThisProgram() + " chaos " + String.join(" ", rerun));
        System.out.println();
        report.print(System.out);
        Path file = out != null ? out : Path.of("chaos-results", "chaos-" + java.time.Instant.now().toString().replace(':', '-') + ".json");
        System.out.println("JSON: " + report.writeJson(file).toAbsolutePath());
        broken.forEach(reason -> System.out.println("not completed: " + reason));
        return !broken.isEmpty() ? 2 : report.passed() ? 0 : 1;
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static void say(String message) {
        System.out.println(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " " + message);
    }

    /** The suite reads the hub's database itself; the libraries' start-up chatter is not what its user asked for. */
    private static void quietLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            context.getLogger("org.flywaydb").setLevel(Level.ERROR);
            context.getLogger("org.hibernate").setLevel(Level.ERROR);
        }
    }
}
