package io.loyaltyhub.domain.persistence;

import java.nio.file.Path;

/**
 * Where the hub keeps its data. With no URL the embedded default (an H2 database file under the data
 * directory, in MySQL compatibility mode) is used; a {@code jdbc:mysql:} or {@code jdbc:mariadb:} URL
 * selects a MySQL-compatible server, reached through MySQL Connector/J.
 */
public record DatabaseConfig(String url, String user, String password, int poolSize) {

    public DatabaseConfig {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("database url is required");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    public static DatabaseConfig embedded(Path dataDirectory, int poolSize) {
        String file = dataDirectory.toAbsolutePath().resolve("loyalty").toString().replace('\\', '/');
        // AUTO_SERVER lets the operator's commands open the database while the hub runs.
        return new DatabaseConfig("jdbc:h2:file:" + file + H2_OPTIONS + ";AUTO_SERVER=TRUE", "sa", "", poolSize);
    }

    public static DatabaseConfig inMemory(String name) {
        return new DatabaseConfig("jdbc:h2:mem:" + name + H2_OPTIONS + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
    }

    /*
     * WRITE_DELAY=0: H2's default keeps the last half second of commits in memory, so a kill -9 lost swipes that had
     * been answered approved. With 0 every commit is written to the file at once; the engine then asks for a sync
     * (see Database#commitDurably) so an answer never promises what only the page cache holds.
     */
    private static final String H2_OPTIONS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,KEY;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64"
            + ";WRITE_DELAY=0";

    /** An H2 database kept in a file (the embedded default), as opposed to a server or an in-memory database. */
    public boolean isEmbeddedFile() {
        return url.startsWith("jdbc:h2:file:");
    }

    /** The embedded database's file, as named in its URL (H2 adds {@code .mv.db}); only for {@link #isEmbeddedFile}. */
    public Path embeddedFile() {
        if (!isEmbeddedFile()) {
            throw new IllegalStateException("not an embedded database file: " + displayUrl());
        }
        String rest = url.substring("jdbc:h2:file:".length());
        int options = rest.indexOf(';');
        return Path.of(options < 0 ? rest : rest.substring(0, options));
    }

    public boolean isMySql() {
        return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
    }

    /** The URL with any password parameter removed, for logs and start-up banners. */
    public String displayUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
