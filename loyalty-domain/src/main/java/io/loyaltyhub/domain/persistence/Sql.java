package io.loyaltyhub.domain.persistence;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collections;

/** Small JDBC helpers shared by the stores. */
public final class Sql {
    private static final int MYSQL_DEADLOCK = 1213;
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
    private static final int MYSQL_DUPLICATE_KEY = 1062;

    private Sql() {
    }

    /** "?, ?, ?" for an IN list of n values. */
    public static String placeholders(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    public static Timestamp timestamp(LocalDateTime time) {
        return Timestamp.valueOf(time);
    }

    /**
     * Worth running the whole batch again: a deadlock or lock wait time-out, or a unique key that a
     * concurrent batch claimed first (on the retry the engine finds that row and answers from it).
     */
    public static boolean isRetryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                int code = s.getErrorCode();
                if (code == MYSQL_DEADLOCK || code == MYSQL_LOCK_WAIT_TIMEOUT || code == MYSQL_DUPLICATE_KEY) {
                    return true;
                }
                if (state != null && (state.startsWith("40") || state.equals("23505") || state.equals("23000")
                        || state.equals("HYT00"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A unique or primary key another statement claimed first (H2 23505, MySQL/MariaDB 1062). */
    public static boolean isDuplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("23505".equals(s.getSQLState()) || s.getErrorCode() == MYSQL_DUPLICATE_KEY)) {
                return true;
            }
        }
        return false;
    }
}
