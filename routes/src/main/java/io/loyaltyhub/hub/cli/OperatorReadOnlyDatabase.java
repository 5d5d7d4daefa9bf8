package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.admin.OperatorQueries;
import io.loyaltyhub.domain.admin.OperatorQueries.DownloadRow;
import io.loyaltyhub.domain.admin.OperatorQueries.MerchantRow;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.SchemaVersion;
import io.loyaltyhub.hub.config.HubSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What the operator's read-only commands (merchants, report-downloads) read ({@link OperatorQueries}), on one
 * plain JDBC connection. Opening the hub's full {@link Database} for them ran Flyway and built Hibernate's session
 * factory on every call, 10-25 s on a busy machine, to read a few rows. Here nothing is migrated when the
 * schema is current ({@link SchemaVersion}); a schema that is behind is migrated first, as the hub would.
 */
final class OperatorReadOnlyDatabase implements AutoCloseable {

    /** As many as the report-downloads command has always listed. */
    private static final int MAX_DOWNLOADS = 1000;

    private final Connection connection;
    private final OperatorQueries queries;

    private OperatorReadOnlyDatabase(Connection connection) {
        this.connection = connection;
        this.queries = new OperatorQueries(connection, MAX_DOWNLOADS);
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
        return queries.merchants();
    }

    Optional<MerchantId> merchantId(String code) throws SQLException {
        return queries.merchantId(code);
    }

    /** One merchant's terminals, by code. */
    List<OperatorQueries.TerminalRow> terminals(MerchantId merchant) throws SQLException {
        return queries.terminals(merchant);
    }

    /** One merchant's report downloads, newest first. */
    List<DownloadRow> downloads(MerchantId merchant) throws SQLException {
        return queries.downloads(merchant);
    }

    /** Every merchant's report downloads, newest first: the operator's audit view. */
    List<DownloadRow> downloadsAcrossTenants() throws SQLException {
        return queries.downloadsAcrossMerchants();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
