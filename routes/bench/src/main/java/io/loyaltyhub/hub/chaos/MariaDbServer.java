package io.loyaltyhub.hub.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A private MariaDB server for one run: Debian's {@code mariadbd} on its own data folder (made with
 * {@code mariadb-install-db}), its own port and socket, bound to 127.0.0.1 — never the machine's own server.
 * InnoDB flushes its log at every commit (the default, stated anyway), as a production server should.
 */
final class MariaDbServer implements Component {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> SERVER_PATHS = List.of("/usr/sbin/mariadbd", "/usr/bin/mariadbd", "/usr/local/bin/mariadbd");
    private static final List<String> INSTALLER_PATHS = List.of("/usr/bin/mariadb-install-db", "/usr/local/bin/mariadb-install-db",
            "/usr/bin/mysql_install_db");

    private final Path folder;
    private final int port;
    private final Path log;
    private final String osUser = System.getProperty("user.name");
    private ChildProcess process;

    MariaDbServer(Path folder, int port, Path log) {
        this.folder = folder;
        this.port = port;
        this.log = log;
    }

    /** Whether this machine has a MariaDB server to start (Debian: {@code apt-get install mariadb-server}). */
    static Optional<String> missingBinaries() {
        if (find(SERVER_PATHS).isEmpty() || find(INSTALLER_PATHS).isEmpty()) {
            return Optional.of("no mariadbd / mariadb-install-db found (Debian: apt-get install mariadb-server)");
        }
        return Optional.empty();
    }

    private static Optional<String> find(List<String> paths) {
        return paths.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    }

    /** Creates the server's system tables in a fresh data folder. */
    void install() throws Exception {
        int exit = ChildProcess.runToEnd("mariadb-install-db", List.of(find(INSTALLER_PATHS).orElseThrow(), "--no-defaults",
                "--datadir=" + dataDir(), "--user=" + osUser, "--auth-root-authentication-method=normal", "--skip-test-db"),
                log, Duration.ofMinutes(3));
        if (exit != 0) {
            throw new IllegalStateException("mariadb-install-db failed (exit " + exit + "; see " + log + ")");
        }
    }

    private Path dataDir() {
        return folder.resolve("data");
    }

    String rootUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/";
    }

    String databaseUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public void start() throws Exception {
        process = ChildProcess.start("mariadbd", List.of(find(SERVER_PATHS).orElseThrow(), "--no-defaults",
                "--datadir=" + dataDir(), "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + folder.resolve("mysqld.sock"), "--pid-file=" + folder.resolve("mysqld.pid"),
                "--user=" + osUser, "--skip-log-bin", "--skip-name-resolve", "--innodb-buffer-pool-size=64M",
                "--innodb-flush-log-at-trx-commit=1", "--character-set-server=utf8mb4", "--collation-server=utf8mb4_bin",
                "--max-connections=200"), log);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answers()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd exited at start (exit " + process.exitValue() + "; see " + log + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("mariadbd did not answer within " + START_TIMEOUT.toSeconds() + " s (see " + log + ")");
            }
            Thread.sleep(200);
        }
    }

    private boolean answers() {
        try (Connection c = DriverManager.getConnection(rootUrl() + "?connectTimeout=1000", "root", "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The hub's database and its own login, as an operator sets them up (README: MySQL instead of the embedded database). */
    void createDatabase(String database, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(rootUrl(), "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            for (String host : List.of("127.0.0.1", "localhost")) {
                s.execute("CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
                s.execute("GRANT ALL ON " + database + ".* TO '" + user + "'@'" + host + "'");
            }
        }
    }

    @Override
    public void kill9() {
        process.kill9();
    }

    @Override
    public boolean stop() {
        return process == null || !process.isAlive() || process.terminate(java.time.Duration.ofSeconds(60));
    }
}
