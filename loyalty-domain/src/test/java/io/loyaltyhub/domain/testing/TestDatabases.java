package io.loyaltyhub.domain.testing;

import io.loyaltyhub.domain.persistence.DatabaseConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for tests. H2 in memory always; a MySQL-compatible server when one is reachable at
 * {@code LOYALTY_TEST_MYSQL_URL} (default jdbc:mysql://127.0.0.1:3306/, user root, no password).
 * Without a server the MySQL suites are skipped with a visible message, unless
 * {@code LOYALTY_REQUIRE_MYSQL=true} (set by CI), which turns a missing server into a failure.
 */
public final class TestDatabases {
    public static final String URL_VARIABLE = "LOYALTY_TEST_MYSQL_URL";
    public static final String REQUIRE_VARIABLE = "LOYALTY_REQUIRE_MYSQL";

    private TestDatabases() {
    }

    /**
     * A new in-memory H2 database with the schema already migrated: made from a script of a database migrated once
     * per test JVM (Flyway then finds every migration applied, and only validates). Replaying some seventy
     * migrations for each test's database was a large share of the fast tier's time.
     */
    public static DatabaseConfig h2() {
        DatabaseConfig config = DatabaseConfig.inMemory("test_" + UUID.randomUUID().toString().replace("-", ""));
        try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password());
             Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + MigratedH2.SCRIPT + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database from the migrated schema: " + e.getMessage(), e);
        }
        return config;
    }

    /**
     * The migrated schema as an H2 script. Made once per set of migrations and kept in the temporary directory under
     * a name that is a digest of the migrations (SQL and Java alike) and of the H2 version, so the test JVMs of
     * every module and every later run reuse it: migrating took some three seconds of each test JVM. A changed,
     * added or removed migration gives another name, and the script is made anew; should a stale script ever be
     * read, Flyway's validation at {@code Database.open} refuses its history.
     */
    private static final class MigratedH2 {
        static final String SCRIPT = migratedSchemaScript();

        private static String migratedSchemaScript() {
            try {
                Path script = Path.of(System.getProperty("java.io.tmpdir"),
                        "loyalty-test-schema-" + MigrationsDigest.ofClasspath() + ".sql");
                if (!Files.isRegularFile(script) || Files.size(script) == 0) {
                    writeMigratedSchema(script);
                }
                return script.toAbsolutePath().toString().replace("'", "''");
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("cannot migrate the template test database: " + e.getMessage(), e);
            }
        }

        /** Migrates a template database and scripts it beside the final name, then moves it there in one step. */
        private static void writeMigratedSchema(Path script) throws IOException, SQLException {
            DatabaseConfig template = DatabaseConfig.inMemory("template_" + UUID.randomUUID().toString().replace("-", ""));
            Path partial = Files.createTempFile(script.getParent(), "loyalty-test-schema", ".partial");
            try {
                Flyway.configure().dataSource(template.url(), template.user(), template.password())
                        .locations("classpath:db/migration").load().migrate();
                try (Connection c = DriverManager.getConnection(template.url(), template.user(), template.password());
                     Statement s = c.createStatement()) {
                    s.execute("SCRIPT TO '" + partial.toAbsolutePath().toString().replace("'", "''") + "'");
                    s.execute("SHUTDOWN");
                }
                Files.move(partial, script, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** A new, empty database on the MySQL-compatible server; drop it with {@link #dropMySql}. */
    public static DatabaseConfig freshMySql() {
        String base = setting(URL_VARIABLE, "jdbc:mysql://127.0.0.1:3306/");
        String user = setting("LOYALTY_TEST_MYSQL_USER", "root");
        String password = setting("LOYALTY_TEST_MYSQL_PASSWORD", "");
        String name = "loyalty_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base + "?connectTimeout=2000", user, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            String message = "MySQL suite skipped: no MySQL-compatible server at " + base + " (" + e.getMessage()
                    + "). Start MariaDB/MySQL or set " + URL_VARIABLE + "; set " + REQUIRE_VARIABLE + "=true to fail instead.";
            if (Boolean.parseBoolean(setting(REQUIRE_VARIABLE, "false"))) {
                throw new IllegalStateException(message, e);
            }
            System.err.println("[loyalty-hub] " + message);
            Assumptions.abort(message);
        }
        return new DatabaseConfig(base + name + "?connectTimeout=5000", user, password, 8);
    }

    public static void dropMySql(DatabaseConfig config) {
        if (config == null || !config.isMySql()) {
            return;
        }
        String url = config.url();
        String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        try (Connection c = DriverManager.getConnection(url, config.user(), config.password());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
