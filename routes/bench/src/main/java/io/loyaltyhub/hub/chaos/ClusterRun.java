package io.loyaltyhub.hub.chaos;

import io.loyaltyhub.domain.txn.TransactionType;
import io.loyaltyhub.hub.broker.terminals.ExternalBrokerSecurity;
import io.loyaltyhub.hub.broker.terminals.SenderStamp;
import io.loyaltyhub.hub.config.HubSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The production topology on this machine, every part a real process: a private MariaDB server, an Artemis
 * primary/backup pair with replication made from the Artemis distribution, and three hub nodes sharing them. HTTP and
 * ISO 8583 tills ring the nodes in turn, MQTT tills publish to the brokers (both listed); during the load one hub node
 * is killed with {@code kill -9}, then the primary broker, and the node is started again later. At the end every
 * acknowledged transaction is sent once more and the ledger is audited, as in {@link ChaosRun}: sent, acknowledged,
 * credited, lost, doubled.
 */
final class ClusterRun {
    private static final String DATABASE = "loyalty";
    private static final String HUB_LOGIN = "hub";
    private static final int NODES = 3;

    private final ChaosOptions options;
    private final JavaLauncher launcher;
    private final Path artemisHome;
    private final Duration phase;
    private final Consumer<String> progress;
    private final List<String> notes = new ArrayList<>();
    private final List<String> suiteErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** @param phase load before the node kill, between the kills, and after the node is back */
    ClusterRun(ChaosOptions options, JavaLauncher launcher, Path artemisHome, Duration phase, Consumer<String> progress) {
        this.options = options;
        this.launcher = launcher;
        this.artemisHome = artemisHome;
        this.phase = phase;
        this.progress = message -> progress.accept("[cluster] " + message);
    }

    SetUpResult run() throws Exception {
        long startedAt = System.currentTimeMillis();
        try (WorkDir dir = WorkDir.create("loyalty-cluster-", options.keep())) {
            if (dir.kept()) {
                progress.accept("work folder (kept): " + dir.root());
            }
            FreePorts ports = new FreePorts();
            MariaDbServer database = new MariaDbServer(dir.folder("mariadb"), ports.next(), dir.root().resolve("mariadb.log"));
            progress.accept("starting a private MariaDB server");
            database.install();
            database.start();
            String databasePassword = secret();
            database.createDatabase(DATABASE, HUB_LOGIN, databasePassword);

            Map<String, String> secrets = new LinkedHashMap<>();
            secrets.put("hub.db.password", databasePassword);
            secrets.put("hub.broker.password", secret());
            secrets.put("hub.keystore.password", secret());
            Map<String, String> shared = new LinkedHashMap<>();
            shared.put("hub.db.url", database.databaseUrl(DATABASE));
            shared.put("hub.db.user", HUB_LOGIN);
            shared.put("hub.keystore.file", dir.folder("keys").resolve("hub.bcfks").toString());
            shared.put("hub.broker.user", HUB_LOGIN);
            shared.put("hub.broker.mqtt.port", "");
            shared.put("hub.broker.amqp.port", "");
            shared.put("hub.broker.stomp.port", "");
            shared.put("hub.http.host", "127.0.0.1");
            shared.put("hub.iso8583.host", "127.0.0.1");
            // The nodes compete for the day's daily jobs from their first start on (DailyJobsAudit checks them).
            shared.put("hub.jobs.daily-at", "00:00");
            shared.put("hub.jobs.check-seconds", "2");

            List<Map<String, String>> nodeSettings = new ArrayList<>();
            for (int node = 1; node <= NODES; node++) {
                Map<String, String> settings = new LinkedHashMap<>(shared);
                settings.put("hub.node-id", Integer.toString(node));
                settings.put("hub.data-dir", dir.folder("hub-" + node).toString());
                settings.put("hub.http.port", Integer.toString(ports.next()));
                settings.put("hub.iso8583.listeners", "binary-2:" + ports.next());
                nodeSettings.add(settings);
            }
            Map<String, String> operatorSettings = new LinkedHashMap<>(nodeSettings.get(0));
            operatorSettings.putAll(secrets);
            Map<String, TerminalLogin> logins = new Onboarding(HubProcess.settingOptions(operatorSettings)).onboard(terminals());
            progress.accept("onboarded with the operator commands: merchant " + Onboarding.MERCHANT + ", " + logins.size()
                    + " terminals");

            ArtemisNode primary = new ArtemisNode("primary", artemisHome, dir.folder("artemis-primary"),
                    ArtemisNode.freeOffset(1000, List.of()), dir.root().resolve("artemis-primary.log"));
            int primaryOffset = primary.corePort() - ArtemisNode.CORE;
            ArtemisNode backup = new ArtemisNode("backup", artemisHome, dir.folder("artemis-backup"),
                    ArtemisNode.freeOffset(primaryOffset + 10, ArtemisNode.portsAt(primaryOffset)),
                    dir.root().resolve("artemis-backup.log"));
            startBrokers(primary, backup, secrets.get("hub.broker.password"), logins);
            String brokerUrl = "(tcp://127.0.0.1:" + primary.corePort() + ",tcp://127.0.0.1:" + backup.corePort() + ")";

            List<HubProcess> hubs = new ArrayList<>();
            for (int node = 1; node <= NODES; node++) {
                Map<String, String> settings = nodeSettings.get(node - 1);
                settings.put("hub.broker.url", brokerUrl);
                hubs.add(new HubProcess(launcher, settings, secrets, dir.root().resolve("hub-" + node + ".log")));
            }
            try {
                return drive(hubs, nodeSettings, primary, backup, logins, operatorSettings, startedAt);
            } finally {
                primary.stop();
                backup.stop();
                database.stop();
            }
        } finally {
            ChildProcess.killAll();
        }
    }

    private void startBrokers(ArtemisNode primary, ArtemisNode backup, String hubPassword, Map<String, TerminalLogin> logins)
            throws Exception {
        List<ExternalBrokerSecurity.BrokerTerminal> mqtt = new ArrayList<>();
        Map<String, String> mqttSecrets = new LinkedHashMap<>();
        logins.forEach((code, login) -> {
            if (code.startsWith("M")) {
                mqtt.add(new ExternalBrokerSecurity.BrokerTerminal(Onboarding.MERCHANT, code));
                mqttSecrets.put(Onboarding.MERCHANT + "." + code, login.secret());
            }
        });
        ExternalBrokerSecurity security = new ExternalBrokerSecurity("amq", mqtt);
        String clusterPassword = secret();
        Path hubJar = hubJar();
        progress.accept("creating the Artemis pair from " + artemisHome + " (primary core port " + primary.corePort()
                + ", backup " + backup.corePort() + ")");
        primary.create(false, backup.corePort(), HUB_LOGIN, hubPassword, clusterPassword, security, mqttSecrets, hubJar);
        backup.create(true, primary.corePort(), HUB_LOGIN, hubPassword, clusterPassword, security, mqttSecrets, hubJar);
        long start = System.currentTimeMillis();
        primary.start();
        primary.awaitLive(ArtemisNode.startTimeout());
        backup.start();
        backup.awaitReplicating(ArtemisNode.startTimeout());
        progress.accept(String.format("broker pair up in %.1f s: the backup replicates the primary",
                (System.currentTimeMillis() - start) / 1000.0));
    }

    private SetUpResult drive(List<HubProcess> hubs, List<Map<String, String>> nodeSettings, ArtemisNode primary,
                              ArtemisNode backup, Map<String, TerminalLogin> logins, Map<String, String> operatorSettings,
                              long startedAt) throws Exception {
        Notebook notebook = new Notebook();
        CardBook cards = new CardBook(options.cards());
        RunControl control = new RunControl(options.answerTimeout(), options.thinkTime());
        List<RecoveryProbe> probes = new ArrayList<>();
        List<HttpTill> probeTills = new ArrayList<>();
        for (Map<String, String> settings : nodeSettings) {
            HttpTill probeTill = new HttpTill(RecoveryProbe.TERMINAL, logins.get(RecoveryProbe.TERMINAL),
                    Integer.parseInt(settings.get("hub.http.port")), cards, notebook,
                    new SwipePlanner(options.seed(), cards, Set.of()), control);
            probeTills.add(probeTill);
            probes.add(new RecoveryProbe(probeTill, options.cards()));
        }
        startHubs(hubs, probes, "their first start");
        List<OnlineTill<?>> tills = onlineTills(logins, nodeSettings, primary, backup, cards, notebook, control);
        progress.accept(tills.size() + " tills ringing (http and iso8583 across the " + NODES + " nodes, mqtt on the brokers)");

        List<Thread> threads = new ArrayList<>();
        tills.forEach(till -> threads.add(started("cluster-till", till)));
        List<RunEvent> events = new ArrayList<>();
        try {
            Thread.sleep(phase.toMillis());
            HubProcess victim = hubs.get(NODES - 1);
            long nodeKilledAt = System.currentTimeMillis();
            victim.kill9();
            progress.accept("hub node " + NODES + " killed with kill -9");
            Thread.sleep(phase.toMillis());

            long brokerKilledAt = System.currentTimeMillis();
            primary.kill9();
            progress.accept("primary broker killed with kill -9");
            backup.awaitLive(ArtemisNode.startTimeout());
            long backupLiveAt = System.currentTimeMillis();
            OptionalLong answering = probes.get(0).awaitAnswering(options.timing().recovery());
            progress.accept(String.format("backup live %.1f s after the kill; node 1 answering %s",
                    (backupLiveAt - brokerKilledAt) / 1000.0, answering.isPresent()
                            ? String.format("%.1f s after it", (answering.getAsLong() - brokerKilledAt) / 1000.0) : "NOT within the recovery time"));
            events.add(new RunEvent(2, "broker", "primary kill -9", brokerKilledAt, backupLiveAt, answering.orElse(-1), false, false));
            Thread.sleep(phase.toMillis());

            long nodeBackAt = System.currentTimeMillis();
            victim.start();
            OptionalLong nodeAnswering = probes.get(NODES - 1).awaitAnswering(options.timing().hubStart());
            progress.accept(String.format("hub node %d started again, answering %s", NODES, nodeAnswering.isPresent()
                    ? String.format("%.1f s later", (nodeAnswering.getAsLong() - nodeBackAt) / 1000.0) : "NOT"));
            if (nodeAnswering.isEmpty()) {
                progress.accept("the probe's last send got " + probes.get(NODES - 1).lastSeen() + System.lineSeparator() + victim.diagnosis());
            }
            events.add(0, new RunEvent(1, "hub", "node kill -9", nodeKilledAt, nodeBackAt, nodeAnswering.orElse(-1), false, false));
            Thread.sleep(phase.toMillis());
        } finally {
            control.stopNewSwipes(options.drainTimeout());
            progress.accept("load ends: tills finish the transaction in hand");
            for (Thread thread : threads) {
                thread.join();
            }
        }
        long stoppedAt = System.currentTimeMillis();
        boolean byThemselves = hubs.stream().map(HubProcess::stop).reduce(true, Boolean::logicalAnd);
        events.add(new RunEvent(0, "hub", "SIGTERM", stoppedAt, System.currentTimeMillis(), -1, false, byThemselves));
        LedgerSnapshotReader reader = new LedgerSnapshotReader(HubSettings.load(null, operatorSettings).databaseConfig(2),
                Onboarding.MERCHANT);
        LedgerSnapshot afterLoad = reader.read();

        progress.accept("restarting the hubs; every acknowledged transaction is sent again");
        startHubs(hubs, probes, "their restart after the load");
        control.resendUntil(options.recheckTimeout());
        List<Thread> rechecks = new ArrayList<>();
        tills.forEach(till -> rechecks.add(started("cluster-recheck", till::recheckAll)));
        probeTills.forEach(till -> rechecks.add(started("cluster-recheck", till::recheckAll)));
        for (Thread thread : rechecks) {
            thread.join();
        }
        hubs.forEach(HubProcess::stop);
        LedgerSnapshot end = reader.read();

        List<SwipeRecord> records = notebook.all();
        List<Finding> findings = new ArrayList<>(Auditor.audit(records, afterLoad, stoppedAt, end));
        findings.addAll(DailyJobsAudit.audit(HubSettings.load(null, operatorSettings).databaseConfig(2),
                java.time.LocalDate.ofInstant(java.time.Instant.ofEpochMilli(stoppedAt), java.time.ZoneOffset.UTC), notes));
        String aborted = suiteErrors.isEmpty() ? null : suiteErrors.get(0);
        notes.add("three hub nodes, an Artemis primary/backup pair with replication (the primary is not started again: "
                + "the backup stays live), a private MariaDB server");
        progress.accept(String.format("audited %d transactions: %d finding(s)", records.size(), findings.size()));
        return new SetUpResult(SetUp.CLUSTER, SetUp.CLUSTER.channels(), events, records, findings, List.copyOf(notes),
                aborted, startedAt, System.currentTimeMillis());
    }

    private void startHubs(List<HubProcess> hubs, List<RecoveryProbe> probes, String which) throws Exception {
        long start = System.currentTimeMillis();
        hubs.get(0).start(); // the first start migrates the schema; the others then start beside it
        awaitAnswering(hubs.get(0), probes.get(0), 1, which);
        for (int node = 2; node <= hubs.size(); node++) {
            hubs.get(node - 1).start();
        }
        for (int node = 2; node <= hubs.size(); node++) {
            awaitAnswering(hubs.get(node - 1), probes.get(node - 1), node, which);
        }
        progress.accept(String.format("%d hub nodes answering %.1f s after %s", hubs.size(),
                (System.currentTimeMillis() - start) / 1000.0, which));
    }

    private void awaitAnswering(HubProcess hub, RecoveryProbe probe, int node, String which) {
        if (probe.awaitAnswering(options.timing().hubStart()).isEmpty()) {
            progress.accept("the probe's last send got " + probe.lastSeen() + System.lineSeparator() + hub.diagnosis());
            throw new IllegalStateException("hub node " + node + " did not answer within "
                    + options.timing().hubStart().toSeconds() + " s of " + which);
        }
    }

    /** Terminal codes: H1.. (HTTP), I1.. (ISO 8583), M1.. (MQTT), P1 (the recovery probe). */
    private List<String> terminals() {
        List<String> codes = new ArrayList<>();
        for (String prefix : List.of("H", "I", "M")) {
            for (int i = 1; i <= options.tills(); i++) {
                codes.add(prefix + i);
            }
        }
        codes.add(RecoveryProbe.TERMINAL);
        return codes;
    }

    private List<OnlineTill<?>> onlineTills(Map<String, TerminalLogin> logins, List<Map<String, String>> nodes,
                                            ArtemisNode primary, ArtemisNode backup, CardBook cards, Notebook notebook,
                                            RunControl control) {
        List<OnlineTill<?>> tills = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, TerminalLogin> terminal : logins.entrySet()) {
            String code = terminal.getKey();
            Map<String, String> node = nodes.get(index % nodes.size());
            long seed = options.seed() * 31 + (++index);
            SwipePlanner planner = new SwipePlanner(seed, cards, EnumSet.of(TransactionType.SALE, TransactionType.REFUND,
                    TransactionType.VOID, TransactionType.REDEEM, TransactionType.BALANCE_INQUIRY));
            switch (code.charAt(0)) {
                case 'H' -> tills.add(new HttpTill(code, terminal.getValue(), Integer.parseInt(node.get("hub.http.port")),
                        cards, notebook, planner, control));
                case 'I' -> {
                    String listener = node.get("hub.iso8583.listeners");
                    tills.add(new Iso8583Till(code, Onboarding.MERCHANT, Integer.parseInt(listener.substring(listener.indexOf(':') + 1)),
                            cards, notebook, planner, control));
                }
                // On an external broker a terminal logs in as <merchant>.<terminal> (docs/broker-terminals.md).
                case 'M' -> tills.add(new MqttTill(code, Onboarding.MERCHANT,
                        new TerminalLogin(Onboarding.MERCHANT + "." + code, terminal.getValue().secret()),
                        List.of(primary.mqttPort(), backup.mqttPort()), cards, notebook, planner, control));
                default -> {
                    // P: the recovery probes
                }
            }
        }
        return tills;
    }

    /** The hub's jar, which the brokers load for the sender-stamping plugin. */
    private static Path hubJar() {
        try {
            Path location = Path.of(SenderStamp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new IllegalStateException("the cluster check runs from the built jars (./mvnw -B -DskipTests package), not "
                        + location);
            }
            return location;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Thread started(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> {
            String error = "a till of the suite failed (" + name + "): " + e;
            suiteErrors.add(error);
            progress.accept(error);
        });
        thread.start();
        return thread;
    }

    private static String secret() {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }
}
