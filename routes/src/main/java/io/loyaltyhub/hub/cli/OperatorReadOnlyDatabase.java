package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.SchemaVersion;
import io.loyaltyhub.hub.config.HubSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the operator's read-only commands (merchants, report-downloads) read, in plain JDBC on one
 * connection. Opening the hub's full {@link Database} for them ran Flyway and built Hibernate's session
 * factory on every call, 10-25 s on a busy machine, to read a few rows. Here nothing is migrated when the
 * schema is current ({@link SchemaVersion}); a schema that is behind is migrated first, as the hub would.
 */
final class OperatorReadOnlyDatabase implements AutoCloseable {

    record MerchantRow(long id, String code, String status, String name) {
    }

    record DownloadRow(LocalDateTime startedAt, long merchantId, String credentialId, String report, String outcome,
                       long rowCount, String format, String parameters) {
    }

    /** As many as the report-downloads command has always listed. */
    private static final int MAX_DOWNLOADS = 1000;

    private final Connection connection;

    private OperatorReadOnlyDatabase(Connection connection) {
        this.connection = connection;
    }

    static OperatorReadOnlyDatabase open(HubSettings settings) throws SQLException {
        DatabaseConfig config = settings.databaseConfig(2); // Flyway, when it has to migrate, needs two connections
        Connection connection = connect(config);
        if (!SchemaVersion.isCurrent(connection)) {
            connection.close();
            try (Database migrated = Database.open(config)) {
                // opening it migrates the schema; the commands then read as usual
            }
            connection = connect(config);
        }
        return new OperatorReadOnlyDatabase(connection);
    }

    private static Connection connect(DatabaseConfig config) throws SQLException {
        Connection connection = DriverManager.getConnection(config.url(), config.user(), config.password());
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        return connection;
    }

    /** Every merchant, by code: the operator's view across tenants. */
    List<MerchantRow> merchantsAcrossTenants() throws SQLException {
        List<MerchantRow> merchants = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, code, status, name FROM merchant ORDER BY code");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                merchants.add(new MerchantRow(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        connection.rollback();
        return merchants;
    }

    Optional<Long> merchantId(String code) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM merchant WHERE code = ?")) {
            select.setString(1, code);
            try (ResultSet rows = select.executeQuery()) {
                Optional<Long> id = rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
                connection.rollback();
                return id;
            }
        }
    }

    /** One merchant's report downloads, newest first. */
    List<DownloadRow> downloads(long merchantId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT d.started_at, d.merchant_id, d.credential_id,"
                + " d.report, d.outcome, d.row_count, d.format, d.parameters FROM report_download d"
                + " WHERE d.merchant_id = ? ORDER BY d.started_at DESC, d.id DESC")) {
            select.setLong(1, merchantId);
            return downloads(select);
        }
    }

    /** Every merchant's report downloads, newest first: the operator's audit view. */
    List<DownloadRow> downloadsAcrossTenants() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT d.started_at, d.merchant_id, d.credential_id,"
                + " d.report, d.outcome, d.row_count, d.format, d.parameters FROM report_download d"
                + " ORDER BY d.started_at DESC, d.id DESC")) {
            return downloads(select);
        }
    }

    private List<DownloadRow> downloads(PreparedStatement select) throws SQLException {
        select.setMaxRows(MAX_DOWNLOADS);
        List<DownloadRow> downloads = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                downloads.add(new DownloadRow(rows.getObject(1, LocalDateTime.class), rows.getLong(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getLong(6), rows.getString(7), rows.getString(8)));
            }
        }
        connection.rollback();
        return downloads;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
