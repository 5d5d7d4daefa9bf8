package io.loyaltyhub.domain.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * Statements on data no merchant owns: the coalition's cards, accounts and members' data keys, the merchant list
 * itself, and session commands. Text that names a tenant table ({@link TenantTables}) is refused: those rows are
 * reached through {@link MerchantSql}, or deliberately across merchants through {@link AcrossMerchants}.
 */
public final class CoalitionSql {
    private final Connection connection;

    private CoalitionSql(Connection connection) {
        this.connection = connection;
    }

    public static CoalitionSql on(Connection connection) {
        if (connection == null) {
            throw new IllegalArgumentException("a connection is required");
        }
        return new CoalitionSql(connection);
    }

    public PreparedStatement prepare(String sql) throws SQLException {
        return parse(sql).prepare(connection, null, false);
    }

    /** A command without parameters or result (a session setting, a checkpoint). */
    public void execute(String command) throws SQLException {
        parse(command);
        try (Statement statement = connection.createStatement()) {
            statement.execute(command);
        }
    }

    private static MarkedSql parse(String sql) {
        Set<String> tenant = TenantTables.namedIn(sql);
        if (!tenant.isEmpty()) {
            throw new IllegalArgumentException("tenant tables " + tenant + " are reached through MerchantSql "
                    + "(or, reviewed, AcrossMerchants), not as coalition data: " + sql);
        }
        return MarkedSql.parse(sql);
    }
}
