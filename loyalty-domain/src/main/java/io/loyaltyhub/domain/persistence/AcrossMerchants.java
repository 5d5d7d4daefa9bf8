package io.loyaltyhub.domain.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The named escape from {@link MerchantSql}: statements that deliberately read or write several merchants' rows
 * (the engine's batch, which carries each row's merchant from its own validated transaction; a terminal's log-in,
 * where the credential is what finds the merchant; the operator's audits and key rotations). Each use states why;
 * {@code PersistenceRulesTest} lists the classes allowed to use it, so a new one is a reviewed change there.
 */
public final class AcrossMerchants {
    private static final int MIN_REASON = 10;

    private final Connection connection;
    private final String reason;

    private AcrossMerchants(Connection connection, String reason) {
        this.connection = connection;
        this.reason = reason;
    }

    /** Statements across merchants on this connection, for the stated reason. */
    public static AcrossMerchants on(Connection connection, String reason) {
        if (connection == null) {
            throw new IllegalArgumentException("a connection is required");
        }
        if (reason == null || reason.strip().length() < MIN_REASON) {
            throw new IllegalArgumentException("a statement across merchants must say why");
        }
        return new AcrossMerchants(connection, reason);
    }

    public String reason() {
        return reason;
    }

    public PreparedStatement prepare(String sql) throws SQLException {
        return MarkedSql.parse(sql).prepare(connection, null, false);
    }

    public PreparedStatement prepareForwardOnly(String sql) throws SQLException {
        return MarkedSql.parse(sql).prepare(connection, null, true);
    }
}
