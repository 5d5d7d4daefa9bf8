package io.loyaltyhub.hub.bench;

import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.adapters.iso8583.Framing;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.LoyaltyHub;
import io.loyaltyhub.hub.cli.HubExtensions;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.iso8583.Iso8583Extension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One run of the benchmark: the machine's limits (database writes of a swipe; broker persistent
 * send-and-receive), then the hub end to end through real protocol clients, on MySQL/MariaDB and on the
 * embedded database: queue-first channels (CSV file, MQTT till) until every swipe is credited, and online
 * channels (HTTP JSON, ISO 8583) at maximum throughput and at fixed offered rates. Prints one table with each
 * hub figure's ratio to its limit, and writes the same as JSON for comparing runs.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Measure the machine's limits and the hub against them; print a table, write JSON.")
public final class BenchmarkCommand implements Callable<Integer> {
    @Option(names = "--mysql-url", defaultValue = "jdbc:mysql://127.0.0.1:3306/",
            description = "server to benchmark on (a fresh database is created and dropped); empty to skip (default ${DEFAULT-VALUE})")
    String mysqlUrl;
    @Option(names = "--mysql-user", defaultValue = "root", description = "user of the MySQL-compatible server (default: ${DEFAULT-VALUE})") String mysqlUser;
    @Option(names = "--mysql-password", defaultValue = "", description = "its password (default: none)") String mysqlPassword;
    @Option(names = "--seconds", defaultValue = "20", description = "length of each timed measurement (default ${DEFAULT-VALUE})")
    int seconds;
    @Option(names = "--rates", defaultValue = "500,2000,5000", split = ",", description = "offered rates for latency (swipes/s)")
    List<Integer> rates;
    @Option(names = "--channels", defaultValue = "csv,mqtt,http,iso8583", split = ",",
            description = "channels to drive (default ${DEFAULT-VALUE})")
    List<String> channels;
    @Option(names = "--csv-lines", defaultValue = "50000", description = "lines in the CSV batch file (default ${DEFAULT-VALUE})")
    int csvLines;
    @Option(names = "--mqtt-messages", defaultValue = "50000", description = "sales the MQTT till publishes (default ${DEFAULT-VALUE})")
    int mqttMessages;
    @Option(names = {"-s", "--hub-setting"}, description = "a hub setting for the measured hubs, key=value (repeatable), "
            + "e.g. -s hub.engine.consumers=2")
    Map<String, String> hubSettings = new LinkedHashMap<>();
    @Option(names = "--skip-embedded", description = "measure on MySQL/MariaDB only, not on the embedded database")
    boolean skipEmbedded;
    @Option(names = "--out", defaultValue = "bench-results", description = "folder for the JSON result")
    Path out;

    /**
     * Terminal connections each online client opens. The open loop needs rate × latency of them in flight (2,000/s at
     * 100 ms is 200): with fewer, requests would queue in the client and the figure would be the client's.
     */
    private static final int CONNECTIONS = 512;

    private final ResultTable table = new ResultTable();

    @Override
    public Integer call() throws Exception {
        table.describeMachine("cores", Runtime.getRuntime().availableProcessors());
        table.describeMachine("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        table.describeMachine("loadAverageAtStart", loadAverage());
        Duration window = Duration.ofSeconds(seconds);
        double artemis = ArtemisLimit.messagesPerSecond(1_000_000, 4, 2, 100, window);
        table.limit("Artemis persistent send+receive (4+2 sessions, batches of 100)", artemis);
        if (!mysqlUrl.isBlank()) {
            DatabaseConfig mysql = mysqlDatabase();
            try {
                benchmarkOn("mysql", mysql, window, artemis);
            } finally {
                dropMysql(mysql);
            }
        }
        if (!skipEmbedded) {
            Path h2 = Files.createTempDirectory("bench-hub-embedded");
            benchmarkOn("embedded", DatabaseConfig.embedded(h2.resolve("db"), 10), window, artemis);
        }
        table.describeMachine("loadAverageAtEnd", loadAverage());
        table.print();
        System.out.println("results written to " + table.writeJson(out));
        return 0;
    }

    private void benchmarkOn(String label, DatabaseConfig db, Duration window, double artemisLimit) throws Exception {
        double jdbc;
        try (Database database = Database.open(db)) {
            jdbc = JdbcLimit.swipesPerSecond(database, 4, 100, window);
        }
        table.limit(label + " JDBC writes of one swipe (4 connections, batches of 100)", jdbc);
        double limit = Math.min(jdbc, artemisLimit);
        Path data = db.isMySql() ? Files.createTempDirectory("bench-hub") : Path.of(db.url().substring("jdbc:h2:file:".length(),
                db.url().indexOf("/db/loyalty")));
        Map<String, String> settings = new LinkedHashMap<>(HubSettings.localOnFreePorts(data));
        settings.put("hub.broker.amqp.port", "");
        settings.put("hub.broker.stomp.port", "");
        settings.put("hub.iso8583.host", "127.0.0.1");
        settings.put("hub.iso8583.listeners", "binary-2:0");
        if (db.isMySql()) {
            settings.put("hub.db.url", db.url());
            settings.put("hub.db.user", db.user());
            settings.put("hub.db.password", db.password());
        }
        settings.putAll(hubSettings);
        String group = "hub " + label;
        List<HubExtension> extensions = HubExtensions.all();
        Iso8583Extension iso8583 = extensions.stream().filter(Iso8583Extension.class::isInstance)
                .map(Iso8583Extension.class::cast).findFirst().orElseThrow();
        try (LoyaltyHub hub = LoyaltyHub.start(HubSettings.load(null, settings), extensions)) {
            BenchCoalition coalition = BenchCoalition.seed(hub);
            Duration patience = Duration.ofMinutes(10);
            if (channels.contains("csv")) {
                HubWork work = HubWork.start(hub);
                QueueFirstLoad.Result r = QueueFirstLoad.csvFile(data, coalition.csv, csvLines, patience);
                table.hub(group, "CSV file, " + r.total() + " lines, until all credited (" + r.approved() + " approved)",
                        r.perSecond(), limit, null, work.finish());
            }
            if (channels.contains("mqtt")) {
                HubWork work = HubWork.start(hub);
                QueueFirstLoad.Result r = QueueFirstLoad.mqtt(hub.mqttPort(), coalition.mqtt, mqttMessages, patience);
                table.hub(group, "MQTT till, " + r.total() + " sales, until all answered (" + r.approved() + " approved)",
                        r.perSecond(), limit, null, work.finish());
            }
            if (channels.contains("http")) {
                try (SwipeClient client = new HttpSwipeClient("127.0.0.1", hub.httpPort(), coalition.http.credentialId(),
                        coalition.http.secret(), label + Instant.now().toEpochMilli(), CONNECTIONS)) {
                    online(hub, group, "HTTP JSON", client, 256, window, limit);
                }
            }
            if (channels.contains("iso8583")) {
                try (SwipeClient client = new Iso8583SwipeClient("127.0.0.1", iso8583.listeningPort(Framing.BINARY_2), CONNECTIONS, BenchCoalition.MERCHANT,
                        coalition.iso8583.terminalCode())) {
                    online(hub, group, "ISO 8583", client, 128, window, limit);
                }
            }
        }
    }

    private void online(LoyaltyHub hub, String group, String channel, SwipeClient client, int inFlight, Duration window,
                        double limit) throws InterruptedException {
        OnlineLoad load = new OnlineLoad(client);
        load.closedLoop(64, Duration.ofSeconds(5)); // warm-up
        HubWork work = HubWork.start(hub);
        OnlineLoad.Result max = load.closedLoop(inFlight, window);
        table.hub(group, channel + " max throughput (" + inFlight + " in flight" + failures(max) + ")", max.throughput(), limit,
                max.latencyMicros(), work.finish());
        for (int rate : rates) {
            work = HubWork.start(hub);
            OnlineLoad.Result r = load.openLoop(rate, window);
            table.hub(group, channel + " offered " + rate + "/s" + failures(r), r.throughput(), limit, r.latencyMicros(),
                    work.finish());
        }
        // Overload: twice what the channel just managed. Refusals are counted ("failed"); the latency is the accepted swipes'.
        int twice = (int) Math.max(1, Math.round(2 * max.throughput()));
        work = HubWork.start(hub);
        OnlineLoad.Result overloaded = load.openLoop(twice, window);
        table.hub(group, channel + " offered 2x max = " + twice + "/s" + failures(overloaded), overloaded.throughput(), limit,
                overloaded.latencyMicros(), work.finish());
    }

    private static String failures(OnlineLoad.Result r) {
        String failed = r.failed() > 0 ? ", " + r.failed() + " refused or failed" : "";
        String shed = r.shed() > 0 ? ", " + r.shed() + " shed" : "";
        return failed + shed;
    }

    private DatabaseConfig mysqlDatabase() throws Exception {
        String name = "loyalty_bench_" + Long.toString(System.currentTimeMillis(), 36);
        try (Connection c = DriverManager.getConnection(mysqlUrl, mysqlUser, mysqlPassword); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        return new DatabaseConfig(mysqlUrl + name, mysqlUser, mysqlPassword, 12);
    }

    private void dropMysql(DatabaseConfig db) throws Exception {
        String name = db.url().substring(db.url().lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(mysqlUrl, mysqlUser, mysqlPassword); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + name);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
