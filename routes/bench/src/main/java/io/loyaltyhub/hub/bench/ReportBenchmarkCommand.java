package io.loyaltyhub.hub.bench;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.admin.TerminalCredential;
import io.loyaltyhub.domain.member.MemberContacts;
import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.report.CustomerPseudonyms;
import io.loyaltyhub.domain.report.MerchantReports;
import io.loyaltyhub.domain.report.ReportDownloads;
import io.loyaltyhub.domain.report.ReportSink;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Seeds one merchant with a large purchase history and measures the purchases export and the customers report
 * (rows per second, wall time, peak heap) on MySQL/MariaDB and on the embedded database. Run it with the heap the
 * target names, e.g. {@code java -Xmx512m -jar routes/bench/target/loyalty-bench.jar report-benchmark}.
 */
@Command(name = "report-benchmark", mixinStandardHelpOptions = true,
        description = "Seed one merchant with many purchases; measure report export speed and peak heap.")
public final class ReportBenchmarkCommand implements Callable<Integer> {
    @Option(names = "--purchases", defaultValue = "1000000", description = "purchases to seed (default ${DEFAULT-VALUE})")
    int purchases;
    @Option(names = "--customers", defaultValue = "100000", description = "distinct customers (default ${DEFAULT-VALUE})")
    int customers;
    @Option(names = "--mysql-url", defaultValue = "jdbc:mysql://127.0.0.1:3306/",
            description = "server to benchmark on (a fresh database is created and dropped); empty to skip")
    String mysqlUrl;
    @Option(names = "--mysql-user", defaultValue = "root", description = "user of the MySQL-compatible server (default: ${DEFAULT-VALUE})") String mysqlUser;
    @Option(names = "--mysql-password", defaultValue = "", description = "its password (default: none)") String mysqlPassword;
    @Option(names = "--skip-embedded", description = "only MySQL") boolean skipEmbedded;

    @Override
    public Integer call() throws Exception {
        System.out.printf("report benchmark: %,d purchases, %,d customers, max heap %d MB, %d cores, load average %.2f%n",
                purchases, customers, Runtime.getRuntime().maxMemory() / (1024 * 1024),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("%-10s %-12s %12s %10s %12s %14s%n", "database", "measure", "rows", "seconds", "rows/s", "peak heap MB");
        if (!mysqlUrl.isBlank()) {
            String name = "loyalty_rbench_" + Long.toString(System.currentTimeMillis(), 36);
            try (Connection c = DriverManager.getConnection(mysqlUrl, mysqlUser, mysqlPassword); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
            try {
                run("mysql", new DatabaseConfig(mysqlUrl + name, mysqlUser, mysqlPassword, 4));
            } finally {
                try (Connection c = DriverManager.getConnection(mysqlUrl, mysqlUser, mysqlPassword);
                     Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE " + name);
                }
            }
        }
        if (!skipEmbedded) {
            Path dir = Files.createTempDirectory("report-bench");
            try {
                run("embedded", DatabaseConfig.embedded(dir.resolve("db"), 4));
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
        System.out.printf("load average at the end: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return 0;
    }

    private void run(String label, DatabaseConfig config) throws Exception {
        try (Database db = Database.open(config)) {
            IdGenerator ids = IdGenerator.forNode(900);
            CoalitionAdmin admin = new CoalitionAdmin(db, ids, Clock.systemUTC());
            MerchantId merchant = admin.createMerchant("bench", "Report benchmark");
            long[] stores = new long[2];
            long[] terminals = new long[2];
            for (int i = 0; i < 2; i++) {
                stores[i] = admin.addStore(merchant, "S" + i, "Store " + i).value();
                TerminalCredential t = admin.addTerminal(merchant, "S" + i, "T" + i);
                terminals[i] = t.terminalId();
            }
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            long start = System.nanoTime();
            ReportSeed.purchases(db, merchant.value(), stores, terminals, purchases, customers, today.atStartOfDay());
            print(label, "seed", purchases, System.nanoTime() - start, -1);

            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            MerchantReports reports = new MerchantReports(db, new CustomerPseudonyms(key), MemberContacts.none(),
                    ReportSink.passThrough(), new ReportDownloads(db, ids, Clock.systemUTC()), Clock.systemUTC());
            MerchantPrincipal who = new MerchantPrincipal(merchant, "mrc-benchmark");
            Map<String, String> period = Map.of("from", today.minusDays(400).toString(), "to", today.plusDays(1).toString());
            for (String report : List.of("purchases", "customers", "purchases", "customers")) {
                measure(label, report, () -> reports.prepare(who, report, period).writeTo(OutputStream.nullOutputStream()));
            }
        }
    }

    private interface Export {
        long run() throws Exception;
    }

    private static void measure(String label, String report, Export export) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        long rows = export.run();
        long nanos = System.nanoTime() - start;
        // The sum of each heap pool's peak: an upper bound of the heap in use at any one moment.
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        print(label, report, rows, nanos, peak);
    }

    private static void print(String label, String measure, long rows, long nanos, long peakBytes) {
        double seconds = nanos / 1e9;
        System.out.printf("%-10s %-12s %,12d %10.2f %,12d %14s%n", label, measure, rows, seconds, Math.round(rows / seconds),
                peakBytes < 0 ? "" : Long.toString(peakBytes / (1024 * 1024)));
    }
}
