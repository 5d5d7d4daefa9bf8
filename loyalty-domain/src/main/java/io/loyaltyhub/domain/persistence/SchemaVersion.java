package io.loyaltyhub.domain.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Whether a database's schema is already at the newest migration this build ships, found without starting
 * Flyway (whose start-up alone took seconds of an operator command): the newest version recorded in Flyway's
 * history table is compared with the newest {@code V<version>__*.sql} (or Java migration's class) among the migrations
 * on the class path.
 */
public final class SchemaVersion {

    private static final String MIGRATIONS = "db/migration/";
    private static final Pattern MIGRATION = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__[^/]*\\.(?:sql|class)");
    private static final Comparator<List<Integer>> BY_VERSION = (a, b) -> {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int x = i < a.size() ? a.get(i) : 0;
            int y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    };

    private SchemaVersion() {
    }

    /** True when the schema holds every migration of this build; false when it is behind or has never been migrated. */
    public static boolean isCurrent(Connection connection) throws SQLException {
        Optional<List<Integer>> installed = installed(connection);
        return installed.isPresent() && BY_VERSION.compare(installed.get(), newestShipped()) >= 0;
    }

    /** The newest successfully applied migration, or empty when the history table is missing or empty. */
    static Optional<List<Integer>> installed(Connection connection) throws SQLException {
        List<List<Integer>> versions = new ArrayList<>();
        try (PreparedStatement select = CoalitionSql.on(connection).prepare("SELECT version, success FROM flyway_schema_history");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String version = rows.getString(1);
                if (version != null && rows.getBoolean(2)) {
                    versions.add(parse(version));
                }
            }
        } catch (SQLException noHistoryTable) {
            endReading(connection);
            return Optional.empty();
        }
        endReading(connection);
        return versions.stream().max(BY_VERSION);
    }

    private static void endReading(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
    }

    /** The newest migration shipped in this build's loyalty-domain (a jar, or a classes folder in a build). */
    static List<Integer> newestShipped() {
        Path location;
        try {
            location = Path.of(SchemaVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot find the migrations: " + e.getMessage(), e);
        }
        try (Stream<String> names = migrationNames(location)) {
            return names.map(MIGRATION::matcher).filter(Matcher::matches).map(m -> parse(m.group(1)))
                    .max(BY_VERSION).orElseThrow(() -> new IllegalStateException("no migrations found in " + location));
        }
    }

    private static Stream<String> migrationNames(Path location) {
        try {
            if (Files.isDirectory(location)) {
                Path folder = location.resolve(MIGRATIONS);
                return Files.isDirectory(folder) ? Files.list(folder).map(p -> p.getFileName().toString()).toList().stream()
                        : Stream.empty();
            }
            try (ZipFile jar = new ZipFile(location.toFile())) {
                return jar.stream().map(ZipEntry::getName).filter(n -> n.startsWith(MIGRATIONS))
                        .map(n -> n.substring(MIGRATIONS.length())).toList().stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the migrations in " + location, e);
        }
    }

    private static List<Integer> parse(String version) {
        return Arrays.stream(version.split("[._]")).map(Integer::parseInt).toList();
    }
}
