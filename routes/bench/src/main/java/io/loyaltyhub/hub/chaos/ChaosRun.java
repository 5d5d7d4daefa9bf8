package io.loyaltyhub.hub.chaos;

import io.loyaltyhub.domain.txn.TransactionType;
import io.loyaltyhub.hub.config.HubSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One set-up's run, start to end: start the components (a private MariaDB server and broker for {@code mysql}),
 * onboard the coalition, start the hub, let the tills ring and the monkey kill for the given cycles, end the load
 * (tills finish the transaction in hand; the hub gets SIGTERM), read the database, start the hub again, send every
 * acknowledged transaction once more, stop everything, read the database again, and audit.
 */
final class ChaosRun {
    private static final String DATABASE = "loyalty";
    private static final String HUB_LOGIN = "hub";

    private final SetUp setUp;
    private final ChaosOptions options;
    private final JavaLauncher launcher;
    private final Consumer<String> progress;
    private final List<String> notes = new ArrayList<>();
    private String aborted;
    private final List<String> suiteErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    ChaosRun(SetUp setUp, ChaosOptions options, JavaLauncher launcher, Consumer<String> progress) {
        this.setUp = setUp;
        this.options = options;
        this.launcher = launcher;
        this.progress = message -> progress.accept("[" + setUp.optionName() + "] " + message);
    }

    SetUpResult run() throws Exception {
        long startedAt = System.currentTimeMillis();
        try (WorkDir dir = WorkDir.create("loyalty-chaos-" + setUp.optionName() + "-", options.keep())) {
            if (dir.kept()) {
                progress.accept("work folder (kept): " + dir.root());
            }
            FreePorts ports = new FreePorts();
            Map<String, String> settings = hubSettings(dir, ports);
            Map<String, String> secrets = new LinkedHashMap<>();
            List<Component> components = new ArrayList<>();
            if (setUp == SetUp.MYSQL) {
                startServers(dir, ports, settings, secrets, components);
                notes.add("MQTT is not driven: broker-native terminals need the embedded broker (docs/broker-terminals.md)");
            }
            Map<String, String> allSettings = new LinkedHashMap<>(settings);
            allSettings.putAll(secrets);
            long onboarding = System.currentTimeMillis();
            Map<String, TerminalLogin> logins = new Onboarding(HubProcess.settingOptions(allSettings)).onboard(terminals());
            progress.accept(String.format("onboarded with the operator commands in %.1f s: merchant %s, %d terminals",
                    (System.currentTimeMillis() - onboarding) / 1000.0, Onboarding.MERCHANT, logins.size()));
            HubProcess hub = new HubProcess(launcher, settings, secrets, dir.root().resolve("hub.log"));
            components.add(0, hub);
            return drive(dir, hub, components, allSettings, logins, startedAt);
        } finally {
            ChildProcess.killAll();
        }
    }

    private SetUpResult drive(WorkDir dir, HubProcess hub, List<Component> components, Map<String, String> settings,
                              Map<String, TerminalLogin> logins, long startedAt) throws Exception {
        Notebook notebook = new Notebook();
        CardBook cards = new CardBook(options.cards());
        RunControl control = new RunControl(options.answerTimeout(), options.thinkTime());
        HubSettings hubSettings = HubSettings.load(null, settings);
        HttpTill probeTill = new HttpTill(RecoveryProbe.TERMINAL, logins.get(RecoveryProbe.TERMINAL),
                hubSettings.integer("hub.http.port"), cards, notebook, new SwipePlanner(options.seed(), cards, Set.of()), control);
        RecoveryProbe probe = new RecoveryProbe(probeTill, options.cards());
        startHub(hub, probe, dir, "its first start");
        progress.accept(String.format("%d tills ringing (%s), %d kill cycles over %s", logins.size() - 1, channelList(),
                options.cycles(), components.stream().map(Component::name).toList()));
        List<OnlineTill<?>> tills = onlineTills(logins, hubSettings, cards, notebook, control);
        List<CsvBackOffice> backOffices = backOffices(hubSettings, cards, notebook, control);

        List<RunEvent> events = ringAndKill(tills, backOffices, components, hub, probe, control);
        RunEvent stop = stopHubAtTheEndOfTheLoad(hub);
        events.add(stop);
        LedgerSnapshotReader reader = new LedgerSnapshotReader(hubSettings.databaseConfig(2), Onboarding.MERCHANT);
        LedgerSnapshot afterLoad = reader.read();

        progress.accept("restarting the hub; every acknowledged transaction is sent again");
        startHub(hub, probe, dir, "its restart after the load");
        resendAcknowledged(tills, probeTill, backOffices, control);
        hub.stop();
        LedgerSnapshot end = reader.read();
        components.stream().filter(component -> component != hub).forEach(Component::stop);

        List<SwipeRecord> records = notebook.all();
        List<Finding> findings = Auditor.audit(records, afterLoad, stop.at(), end);
        noteHubsRestartedByHand(events);
        if (!suiteErrors.isEmpty() && aborted == null) {
            aborted = suiteErrors.get(0) + (suiteErrors.size() > 1 ? " (and " + (suiteErrors.size() - 1) + " more)" : "");
            notes.add(aborted);
        }
        progress.accept(String.format("audited %d transactions: %d finding(s)", records.size(), findings.size()));
        return new SetUpResult(setUp, setUp.channels(), events, records, findings, List.copyOf(notes), aborted, startedAt,
                System.currentTimeMillis());
    }

    private void startHub(HubProcess hub, RecoveryProbe probe, WorkDir dir, String which) throws Exception {
        long start = System.currentTimeMillis();
        hub.start();
        if (probe.awaitAnswering(options.timing().hubStart()).isEmpty()) {
            progress.accept("the probe's last send got " + probe.lastSeen() + System.lineSeparator() + hub.diagnosis());
            throw new IllegalStateException("the hub did not answer within " + options.timing().hubStart().toSeconds()
                    + " s of " + which + " (see " + dir.root().resolve("hub.log") + "; --keep keeps it)");
        }
        progress.accept(String.format("hub answering %.1f s after %s", (System.currentTimeMillis() - start) / 1000.0, which));
    }

    /** The load with its kills; at the end the tills finish the transaction in hand. A hub that no longer answers ends it early. */
    private List<RunEvent> ringAndKill(List<OnlineTill<?>> tills, List<CsvBackOffice> backOffices, List<Component> components,
                                       HubProcess hub, RecoveryProbe probe, RunControl control) throws Exception {
        List<Thread> threads = new ArrayList<>();
        tills.forEach(till -> threads.add(started("chaos-till", till)));
        backOffices.forEach(office -> threads.add(started("chaos-csv", office)));
        List<RunEvent> events = new ArrayList<>();
        try {
            new ChaosMonkey(options.seed() * 7 + setUp.ordinal(), components, hub, probe, options.timing(), progress)
                    .run(options.cycles(), events);
        } catch (IllegalStateException e) {
            aborted = "stopped after " + events.size() + " of " + options.cycles() + " cycles: " + e.getMessage();
            progress.accept(aborted);
            notes.add(aborted);
            hub.kill9();
            hub.start();
        } finally {
            control.stopNewSwipes(options.drainTimeout());
            progress.accept("load ends: tills finish the transaction in hand");
            joinAll(threads);
        }
        return events;
    }

    private RunEvent stopHubAtTheEndOfTheLoad(HubProcess hub) {
        long stoppedAt = System.currentTimeMillis();
        boolean byItself = hub.stop();
        RunEvent stop = new RunEvent(0, "hub", "SIGTERM", stoppedAt, System.currentTimeMillis(), -1, false, byItself);
        progress.accept(byItself ? String.format("hub stopped with SIGTERM in %.1f s", (stop.backAt() - stop.at()) / 1000.0)
                : "hub did not stop within 60 s of SIGTERM: killed");
        return stop;
    }

    /** Every till sends each transaction it was answered for once more; the run's resend deadline bounds it. */
    private void resendAcknowledged(List<OnlineTill<?>> tills, HttpTill probeTill, List<CsvBackOffice> backOffices,
                                    RunControl control) throws InterruptedException {
        control.resendUntil(options.recheckTimeout());
        List<Thread> rechecks = new ArrayList<>();
        tills.forEach(till -> rechecks.add(started("chaos-recheck", till::recheckAll)));
        rechecks.add(started("chaos-recheck", probeTill::recheckAll));
        backOffices.forEach(office -> rechecks.add(started("chaos-recheck", office::recheckAll)));
        joinAll(rechecks);
    }

    private void noteHubsRestartedByHand(List<RunEvent> events) {
        long times = events.stream().filter(RunEvent::hubRestartedByHand).count();
        events.stream().filter(RunEvent::hubRestartedByHand).findFirst().ifPresent(e -> notes.add("the hub did not answer within "
                + options.timing().recovery().toSeconds() + " s of a " + e.component() + " coming back and was restarted by hand ("
                + times + " time(s))"));
    }

    private Map<String, String> hubSettings(WorkDir dir, FreePorts ports) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("hub.data-dir", dir.folder("hub").toString());
        settings.put("hub.http.host", "127.0.0.1");
        settings.put("hub.http.port", Integer.toString(ports.next()));
        settings.put("hub.iso8583.host", "127.0.0.1");
        settings.put("hub.iso8583.listeners", "binary-2:" + ports.next());
        settings.put("hub.broker.terminals.host", "127.0.0.1");
        settings.put("hub.broker.amqp.port", "");
        settings.put("hub.broker.stomp.port", "");
        if (setUp == SetUp.EMBEDDED) {
            settings.put("hub.broker.embedded.host", "127.0.0.1");
            settings.put("hub.broker.embedded.port", Integer.toString(ports.next()));
            settings.put("hub.broker.mqtt.port", Integer.toString(ports.next()));
        } else {
            settings.put("hub.broker.mqtt.port", "");
        }
        return settings;
    }

    /** A private MariaDB server and an external broker, each with its own login for the hub. */
    private void startServers(WorkDir dir, FreePorts ports, Map<String, String> settings, Map<String, String> secrets,
                              List<Component> components) throws Exception {
        MariaDbServer database = new MariaDbServer(dir.folder("mariadb"), ports.next(), dir.root().resolve("mariadb.log"));
        progress.accept("starting a private MariaDB server");
        database.install();
        database.start();
        String databasePassword = randomSecret();
        database.createDatabase(DATABASE, HUB_LOGIN, databasePassword);
        settings.put("hub.db.url", database.databaseUrl(DATABASE));
        settings.put("hub.db.user", HUB_LOGIN);
        secrets.put("hub.db.password", databasePassword);
        String brokerPassword = randomSecret();
        BrokerProcess broker = new BrokerProcess(launcher, dir.folder("broker"), ports.next(), HUB_LOGIN, brokerPassword,
                dir.root().resolve("broker.log"));
        progress.accept("starting an external Artemis broker");
        broker.start();
        settings.put("hub.broker.url", broker.url());
        settings.put("hub.broker.user", HUB_LOGIN);
        secrets.put("hub.broker.password", brokerPassword);
        components.add(database);
        components.add(broker);
    }

    private static String randomSecret() {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    /** Terminal codes: H1.. (HTTP), I1.. (ISO 8583), M1.. (MQTT), C1 (the CSV back office), P1 (the recovery probe). */
    private List<String> terminals() {
        List<String> codes = new ArrayList<>();
        for (Channel channel : setUp.channels()) {
            int count = channel == Channel.CSV ? 1 : options.tills();
            for (int i = 1; i <= count; i++) {
                codes.add(prefix(channel) + i);
            }
        }
        codes.add(RecoveryProbe.TERMINAL);
        return codes;
    }

    private static String prefix(Channel channel) {
        return switch (channel) {
            case HTTP -> "H";
            case ISO8583 -> "I";
            case MQTT -> "M";
            case CSV -> "C";
        };
    }

    private String channelList() {
        return String.join(", ", setUp.channels().stream().map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    private List<OnlineTill<?>> onlineTills(Map<String, TerminalLogin> logins, HubSettings settings, CardBook cards,
                                            Notebook notebook, RunControl control) {
        List<OnlineTill<?>> tills = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, TerminalLogin> terminal : logins.entrySet()) {
            String code = terminal.getKey();
            long seed = options.seed() * 31 + (++index);
            Set<TransactionType> all = EnumSet.of(TransactionType.SALE, TransactionType.REFUND, TransactionType.VOID,
                    TransactionType.REDEEM, TransactionType.BALANCE_INQUIRY);
            SwipePlanner planner = new SwipePlanner(seed, cards, all);
            switch (code.charAt(0)) {
                case 'H' -> tills.add(new HttpTill(code, terminal.getValue(), settings.integer("hub.http.port"), cards, notebook,
                        planner, control));
                case 'I' -> tills.add(new Iso8583Till(code, Onboarding.MERCHANT, isoPort(settings), cards, notebook, planner, control));
                case 'M' -> tills.add(new MqttTill(code, Onboarding.MERCHANT, terminal.getValue(),
                        settings.integer("hub.broker.mqtt.port"), cards, notebook, planner, control));
                default -> {
                    // C: the CSV back office (below); P: the recovery probe
                }
            }
        }
        return tills;
    }

    private List<CsvBackOffice> backOffices(HubSettings settings, CardBook cards, Notebook notebook, RunControl control) {
        if (!setUp.channels().contains(Channel.CSV)) {
            return List.of();
        }
        Path csv = settings.dataDir().resolve("csv");
        SwipePlanner planner = new SwipePlanner(options.seed() * 31, cards,
                EnumSet.of(TransactionType.SALE, TransactionType.REFUND, TransactionType.VOID));
        return List.of(new CsvBackOffice(Onboarding.STORE, "C1", csv.resolve("inbox").resolve(Onboarding.MERCHANT),
                csv.resolve("results").resolve(Onboarding.MERCHANT), cards, notebook, planner, control, options.csvLinesPerFile(),
                options.csvInterval()));
    }

    private static int isoPort(HubSettings settings) {
        String listener = settings.text("hub.iso8583.listeners");
        return Integer.parseInt(listener.substring(listener.indexOf(':') + 1));
    }

    /** A till's thread; should it fail (a fault of the suite, not of the hub), the run says so and fails. */
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

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
