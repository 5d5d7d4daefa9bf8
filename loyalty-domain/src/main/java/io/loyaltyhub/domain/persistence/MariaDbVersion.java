package io.loyaltyhub.domain.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The version of a MariaDB server, read from {@code SELECT VERSION()}: MariaDB before 11.4 tells clients it is
 * "5.5.5-10.11.6-MariaDB…", which MySQL Connector/J (and Hibernate through it) takes for MySQL 5.5.5.
 */
record MariaDbVersion(int major, int minor) {
    private static final Pattern MARIADB = Pattern.compile("(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)\\.\\d+.*MariaDB.*");

    /** The server's MariaDB version, or empty for a MySQL server. */
    static Optional<MariaDbVersion> of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT VERSION()");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? parse(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database server's version: " + e.getMessage(), e);
        }
    }

    static Optional<MariaDbVersion> parse(String version) {
        Matcher m = MARIADB.matcher(version == null ? "" : version);
        return m.matches() ? Optional.of(new MariaDbVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }
}
