package io.loyaltyhub.hub.health;

import io.loyaltyhub.domain.persistence.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Can the hub reach its database? Asked over a connection of its own, outside the pool: a busy pool (every connection
 * lent to the engine) neither makes the hub look unready nor makes the check wait for a connection. Every network call
 * is bounded by the probe's timeout (connect, socket and network timeouts), so an unreachable server fails the check
 * instead of hanging it.
 */
final class DatabaseProbe implements PeriodicProbe.Probe, AutoCloseable {
    private final DatabaseConfig config;
    private final Duration timeout;
    private Connection connection;

    DatabaseProbe(DatabaseConfig config, Duration timeout) {
        this.config = config;
        this.timeout = timeout;
    }

    @Override
    public Optional<String> run() {
        try {
            if (connection == null) {
                connection = open();
            }
            if (connection.isValid(Math.max(1, (int) timeout.toSeconds()))) {
                return Optional.empty();
            }
            close();
            return Optional.of("the database does not answer");
        } catch (SQLException e) {
            close();
            return Optional.of("cannot reach the database: " + e.getMessage());
        }
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", config.user());
        properties.setProperty("password", config.password());
        if (config.isMySql()) {
            properties.setProperty("connectTimeout", Long.toString(timeout.toMillis()));
            properties.setProperty("socketTimeout", Long.toString(timeout.toMillis()));
        }
        Connection opened = DriverManager.getConnection(config.url(), properties);
        try {
            opened.setNetworkTimeout(Runnable::run, (int) timeout.toMillis());
        } catch (SQLFeatureNotSupportedException embedded) {
            // the embedded database has no network to time out on
        }
        return opened;
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }
}
