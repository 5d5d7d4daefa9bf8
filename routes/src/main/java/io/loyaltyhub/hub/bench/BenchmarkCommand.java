package io.loyaltyhub.hub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.adapters.simulator.HttpJsonTill;
import io.loyaltyhub.domain.admin.TerminalCredential;
import io.loyaltyhub.domain.card.CardProgramme;
import io.loyaltyhub.domain.card.CheckDigitRule;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.hub.LoyaltyHub;
import io.loyaltyhub.hub.config.HubSettings;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One run of the benchmark: the machine's limits (database writes of a swipe; broker persistent
 * send-and-receive), then the hub end to end over HTTP (maximum throughput, and latency at fixed offered rates),
 * on MySQL/MariaDB and on the embedded database. Prints one table with each hub figure's ratio to the lower
 * limit, and writes the same as JSON for comparing runs.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Measure the machine's limits and the hub against them; print a table, write JSON.")
public final class BenchmarkCommand implements Callable<Integer> {
    @Option(names = "--mysql-url", defaultValue = "jdbc:mysql://127.0.0.1:3306/",
            description = "server to benchmark on (a fresh database is created and dropped); empty to skip (default ${DEFAULT-VALUE})")
    String mysqlUrl;
    @Option(names = "--mysql-user", defaultValue = "root") String mysqlUser;
    @Option(names = "--mysql-password", defaultValue = "") String mysqlPassword;
    @Option(names = "--seconds", defaultValue = "20", description = "length of each measurement (default ${DEFAULT-VALUE})")
    int seconds;
    @Option(names = "--rates", defaultValue = "500,2000,5000", split = ",", description = "offered rates for latency (swipes/s)")
    List<Integer> rates;
    @Option(names = "--out", defaultValue = "bench-results", description = "folder for the JSON result")
    Path out;

    private final List<Map<String, Object>> rows = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Duration window = Duration.ofSeconds(seconds);
        double artemis = ArtemisLimit.messagesPerSecond(freePort(), 1_000_000, 4, 2, 100, window);
        row("limit", "artemis persistent send+receive (batches of 100)", artemis, null, null);
        if (!mysqlUrl.isBlank()) {
            benchmarkOn("mysql", mysqlDatabase(), window, artemis);
        }
        Path h2 = Files.createTempDirectory("bench-h2");
        benchmarkOn("embedded", DatabaseConfig.embedded(h2.resolve("db"), 10), window, artemis);
        print();
        writeJson();
        return 0;
    }

    private void benchmarkOn(String label, DatabaseConfig db, Duration window, double artemisLimit) throws Exception {
        double jdbc;
        try (Database database = Database.open(db)) {
            jdbc = JdbcLimit.swipesPerSecond(database, 4, 100, window);
        }
        row("limit", label + " JDBC writes of one swipe (4 connections, batches of 100)", jdbc, null, null);
        double lower = Math.min(jdbc, artemisLimit);
        Path data = Files.createTempDirectory("bench-hub");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("hub.data-dir", data.toString());
        settings.put("hub.http.host", "127.0.0.1");
        settings.put("hub.http.port", Integer.toString(freePort()));
        settings.put("hub.broker.embedded.port", Integer.toString(freePort()));
        if (db.isMySql()) {
            settings.put("hub.db.url", db.url());
            settings.put("hub.db.user", db.user());
            settings.put("hub.db.password", db.password());
        } else {
            settings.put("hub.data-dir", db.url().substring("jdbc:h2:file:".length(), db.url().indexOf("/db/loyalty")));
        }
        try (LoyaltyHub hub = LoyaltyHub.start(HubSettings.load(null, settings))) {
            TerminalCredential till = seed(hub);
            OnlineLoad load = new OnlineLoad(new HttpJsonTill("http://127.0.0.1:" + hub.httpPort(), till.credentialId(),
                    till.secret()), label + Instant.now().toEpochMilli());
            load.closedLoop(64, Duration.ofSeconds(5)); // warm-up
            OnlineLoad.Result max = load.closedLoop(256, window);
            row("hub " + label, "HTTP JSON max throughput (256 in flight)", max.throughput(), lower, max.latencyMicros());
            for (int rate : rates) {
                OnlineLoad.Result r = load.openLoop(rate, window);
                row("hub " + label, "HTTP JSON open loop at " + rate + "/s (failed " + r.failed() + ")", r.throughput(), lower,
                        r.latencyMicros());
            }
        }
        if (db.isMySql()) {
            dropMysql(db);
        }
    }

    private static TerminalCredential seed(LoyaltyHub hub) {
        CardProgramme p = hub.admin().createCardProgramme("bench", "628000", 16, CheckDigitRule.LUHN);
        hub.admin().issueCardRange(p, "6280000000000000", "6280000099999999");
        hub.reloadCardCatalog();
        MerchantId m = hub.admin().createMerchant("bench", "Bench merchant");
        hub.admin().setEarnRate(m, "EUR", new EarnRate(1, 100));
        hub.admin().addStore(m, "S1", "Bench store");
        return hub.admin().addTerminal(m, "S1", "T1");
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

    private void row(String group, String what, double perSecond, Double limit, Histogram latency) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("group", group);
        r.put("measure", what);
        r.put("perSecond", Math.round(perSecond));
        if (limit != null) {
            r.put("ratioToLowerLimit", Math.round(perSecond / limit * 1000) / 1000.0);
        }
        if (latency != null) {
            r.put("p50ms", latency.getValueAtPercentile(50) / 1000.0);
            r.put("p99ms", latency.getValueAtPercentile(99) / 1000.0);
            r.put("p999ms", latency.getValueAtPercentile(99.9) / 1000.0);
        }
        rows.add(r);
        System.err.printf("[bench] %s: %s = %.0f/s%n", group, what, perSecond);
    }

    private void print() {
        System.out.printf("%-14s %-62s %10s %8s %9s %9s %9s%n", "group", "measure", "per sec", "ratio", "p50 ms", "p99 ms", "p99.9 ms");
        for (Map<String, Object> r : rows) {
            System.out.printf("%-14s %-62s %10s %8s %9s %9s %9s%n", r.get("group"), r.get("measure"), r.get("perSecond"),
                    r.getOrDefault("ratioToLowerLimit", ""), r.getOrDefault("p50ms", ""), r.getOrDefault("p99ms", ""),
                    r.getOrDefault("p999ms", ""));
        }
    }

    private void writeJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("at", Instant.now().toString());
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("seconds", seconds);
        ArrayNode list = root.putArray("rows");
        rows.forEach(r -> list.add(mapper.valueToTree(r)));
        Files.createDirectories(out);
        Path file = out.resolve("bench-" + Instant.now().toString().replace(':', '-') + ".json");
        mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        System.out.println("results written to " + file);
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
