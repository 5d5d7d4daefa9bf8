package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.persistence.Sql;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Why a batch failed, and so what the engine does about it. An outage of the database is waited out (the batch
 * is handed back, its messages stay on the queue); contention is retried; what the database refuses for the data
 * itself would be refused again on every delivery, so the engine isolates the transaction that causes it and gives
 * it a final answer instead of letting it go round until it is dead-lettered with a "pending" answer that will
 * never come true.
 */
enum BatchFailure {
    /** Deadlock or lock wait time-out: run the batch again; if it keeps happening, hand the batch back. */
    CONTENTION,
    /**
     * A unique key refused: usually a concurrent batch claimed it first (the retry finds that row and answers from
     * it); if it keeps happening, it is the data itself, as {@link #PERMANENT}.
     */
    KEY_CLAIMED,
    /** The database is unreachable or closed, or the failure is not understood: hand the batch back. */
    OUTAGE,
    /** The data itself is refused (constraint, data or statement error) or the engine failed on it: it never applies. */
    PERMANENT;

    private static final int MYSQL_DUPLICATE_KEY = 1062;
    private static final String INTEGRITY = "23";
    private static final String DATA = "22";
    private static final String CARDINALITY = "21";
    private static final String SYNTAX_OR_ACCESS = "42";

    /** Whether running the batch again may succeed: contention, or a key a concurrent batch may have claimed. */
    boolean passes() {
        return this == CONTENTION || this == KEY_CLAIMED;
    }

    static BatchFailure of(Throwable failure) {
        if (failure instanceof SQLException e) {
            return ofSql(e);
        }
        return PERMANENT; // an exception in the engine's own code for this data: running it again changes nothing
    }

    private static BatchFailure ofSql(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return OUTAGE;
            }
        }
        if (Sql.isRetryable(e)) {
            return isUniqueKey(e) ? KEY_CLAIMED : CONTENTION;
        }
        String state = e.getSQLState();
        if (state != null && (state.startsWith(INTEGRITY) || state.startsWith(DATA) || state.startsWith(CARDINALITY)
                || state.startsWith(SYNTAX_OR_ACCESS))) {
            return PERMANENT;
        }
        return OUTAGE;
    }

    private static boolean isUniqueKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() == MYSQL_DUPLICATE_KEY || "23505".equals(s.getSQLState())
                    || "23000".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
