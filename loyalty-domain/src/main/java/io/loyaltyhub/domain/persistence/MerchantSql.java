package io.loyaltyhub.domain.persistence;

import io.loyaltyhub.domain.model.MerchantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The one way plain JDBC reaches a merchant's rows: statements for one merchant, which bind that merchant themselves.
 * Its SQL must say where the merchant goes with the {@code :merchant} marker (e.g. {@code WHERE merchant_id =
 * :merchant}, or the value of an inserted {@code merchant_id}); text without it is refused, so a statement on a
 * tenant table cannot be written without its merchant, and the caller never binds (or mis-binds) the merchant. The
 * caller's own values are {@code ?}, numbered 1, 2, ... as if the markers were not there.
 *
 * <p>Only this class, {@link CoalitionSql} and {@link AcrossMerchants} prepare statements: {@code
 * PersistenceRulesTest} fails the build when any other class calls {@code Connection.prepareStatement} (or
 * {@code createStatement}, {@code prepareCall}).
 */
public final class MerchantSql {
    private final Connection connection;
    private final MerchantId merchant;

    private MerchantSql(Connection connection, MerchantId merchant) {
        this.connection = connection;
        this.merchant = merchant;
    }

    /** Statements for this merchant on this connection (in the caller's transaction). */
    public static MerchantSql on(Connection connection, MerchantId merchant) {
        if (connection == null) {
            throw new IllegalArgumentException("a connection is required");
        }
        if (merchant == null) {
            throw new IllegalArgumentException("a merchant is required for a merchant's statement");
        }
        return new MerchantSql(connection, merchant);
    }

    public MerchantId merchant() {
        return merchant;
    }

    /** A statement on this merchant's rows, its {@code :merchant} markers already bound. */
    public PreparedStatement prepare(String sql) throws SQLException {
        return parse(sql).prepare(connection, merchant.value(), false);
    }

    /** The same, forward-only and read-only: for a report that streams its rows (the caller sets the fetch size). */
    public PreparedStatement prepareForwardOnly(String sql) throws SQLException {
        return parse(sql).prepare(connection, merchant.value(), true);
    }

    private static MarkedSql parse(String sql) {
        MarkedSql marked = MarkedSql.parse(sql);
        if (!marked.hasMerchantMarker()) {
            throw new IllegalArgumentException("a merchant's statement must bind the merchant with "
                    + MarkedSql.MERCHANT + ": " + sql);
        }
        return marked;
    }
}
