package io.loyaltyhub.domain.report;

import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A pooled connection set up for one streaming report and put back as it was found. On H2, lazy query execution
 * makes a query hand out rows as it produces them instead of building the whole result first; it is a session
 * setting, so it is switched off again before the connection returns to the pool.
 */
final class ReportConnection implements AutoCloseable {
    private final Connection connection;
    private final boolean mySql;

    ReportConnection(Database database) throws SQLException {
        this.mySql = database.config().isMySql();
        this.connection = database.connection();
        if (!mySql) {
            CoalitionSql.on(connection).execute("SET LAZY_QUERY_EXECUTION 1");
        }
    }

    Connection connection() {
        return connection;
    }

    boolean isMySql() {
        return mySql;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
            if (!mySql) {
                CoalitionSql.on(connection).execute("SET LAZY_QUERY_EXECUTION 0");
            }
        } finally {
            connection.close();
        }
    }
}
