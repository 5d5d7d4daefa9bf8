package io.loyaltyhub.domain.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL text with the {@code :merchant} marker, and the statements prepared from it. The caller's own parameters are
 * {@code ?} and numbered as if the markers were not there; each marker becomes a parameter that only this class
 * binds. A statement handed out runs only its own text: the {@code execute(String)} family is refused, so a prepared
 * statement cannot be used to run other SQL.
 */
final class MarkedSql {
    static final String MERCHANT = ":merchant";

    /** The JDBC text, with every marker turned into {@code ?}. */
    private final String jdbc;
    /** For caller parameter i (1-based, index i - 1): its position in the JDBC text. */
    private final int[] callerPositions;
    /** The JDBC positions of the markers. */
    private final int[] markerPositions;

    private MarkedSql(String jdbc, int[] callerPositions, int[] markerPositions) {
        this.jdbc = jdbc;
        this.callerPositions = callerPositions;
        this.markerPositions = markerPositions;
    }

    static MarkedSql parse(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("no SQL");
        }
        StringBuilder jdbc = new StringBuilder(sql.length());
        List<Integer> caller = new ArrayList<>();
        List<Integer> markers = new ArrayList<>();
        boolean quoted = false;
        int position = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            int commentEnd = quoted ? -1 : commentEnd(sql, i);
            if (commentEnd > i) {
                jdbc.append(sql, i, commentEnd); // a ? or a marker in a comment is no parameter (as for the drivers)
                i = commentEnd - 1;
                continue;
            }
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '?') {
                caller.add(++position);
            } else if (!quoted && sql.startsWith(MERCHANT, i) && !identifierAt(sql, i + MERCHANT.length())) {
                markers.add(++position);
                jdbc.append('?');
                i += MERCHANT.length() - 1;
                continue;
            } else if (!quoted && ch == ':' && identifierAt(sql, i + 1) && (i == 0 || sql.charAt(i - 1) != ':')) {
                throw new IllegalArgumentException("unknown named parameter in SQL (only " + MERCHANT + " is bound): " + sql);
            }
            jdbc.append(ch);
        }
        return new MarkedSql(jdbc.toString(), caller.stream().mapToInt(Integer::intValue).toArray(),
                markers.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Where a comment starting at i ends (exclusive), or -1 when none starts there. */
    private static int commentEnd(String sql, int i) {
        if (sql.startsWith("--", i)) {
            int newline = sql.indexOf('\n', i);
            return newline < 0 ? sql.length() : newline;
        }
        if (sql.startsWith("/*", i)) {
            int close = sql.indexOf("*/", i + 2);
            return close < 0 ? sql.length() : close + 2;
        }
        return -1;
    }

    private static boolean identifierAt(String sql, int i) {
        return i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_');
    }

    boolean hasMerchantMarker() {
        return markerPositions.length > 0;
    }

    String jdbc() {
        return jdbc;
    }

    /** Prepares the statement; when {@code merchant} is given, binds it to every marker (and again after a clear). */
    PreparedStatement prepare(Connection connection, Long merchant, boolean forwardOnly) throws SQLException {
        if (merchant == null && hasMerchantMarker()) {
            throw new IllegalArgumentException(MERCHANT + " is bound only by a merchant's statements: " + jdbc);
        }
        PreparedStatement statement = forwardOnly
                ? connection.prepareStatement(jdbc, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)
                : connection.prepareStatement(jdbc);
        if (merchant == null) {
            // Coalition and cross-merchant statements bind no merchant, so there is nothing to guard at run time: the
            // driver's statement itself (no reflection per set… call on the engine's batch inserts). Running other
            // text on it (execute(String), addBatch(String)) fails the build (PersistenceRulesTest), as everywhere.
            return statement;
        }
        Bound bound = new Bound(statement, merchant);
        try {
            bound.bindMerchant();
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
        return (PreparedStatement) Proxy.newProxyInstance(MarkedSql.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, bound);
    }

    private final class Bound implements InvocationHandler {
        private final PreparedStatement statement;
        private final Long merchant;

        Bound(PreparedStatement statement, Long merchant) {
            this.statement = statement;
            this.merchant = merchant;
        }

        void bindMerchant() throws SQLException {
            for (int position : markerPositions) {
                statement.setLong(position, merchant);
            }
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            Object[] actual = args;
            if (args != null && args.length >= 2 && name.startsWith("set") && method.getParameterTypes()[0] == int.class) {
                actual = args.clone();
                actual[0] = callerPosition((Integer) args[0]);
            } else if ((name.startsWith("execute") || name.equals("addBatch")) && args != null && args.length > 0
                    && args[0] instanceof String) {
                throw new SQLException("a prepared statement runs only its own SQL");
            } else if (name.equals("unwrap") || name.equals("getConnection")) {
                throw new SQLException("the statement's connection and driver object are not handed out");
            }
            try {
                Object result = method.invoke(statement, actual);
                if (name.equals("clearParameters")) {
                    bindMerchant();
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private int callerPosition(int index) throws SQLException {
            if (index < 1 || index > callerPositions.length) {
                throw new SQLException("parameter " + index + " is not a ? of: " + jdbc);
            }
            return callerPositions[index - 1];
        }
    }
}
