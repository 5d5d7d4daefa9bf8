package io.loyaltyhub.domain.txn;

/**
 * A transaction was not made durable. {@link #certain()} tells the two cases apart that a terminal must hear
 * differently to hear the truth: the hub never handed it to its queue (certainly not stored: overloaded, stopping,
 * broker unreachable), or it was handed over and no confirmation came (it may be stored). Either way the terminal
 * sends it again, and a copy is never counted twice.
 */
public class NotStoredException extends RuntimeException {
    /** Every code a "not stored, send it again" answer carries. */
    public static final java.util.Set<String> CODES = java.util.Set.of("not-accepted", "not-confirmed", "overloaded", "shutting-down");

    private final String code;
    private final boolean certain;

    public NotStoredException(String code, boolean certain, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.certain = certain;
    }

    /** A stable, lowercase code for the terminal: {@code not-accepted}, {@code overloaded}, {@code shutting-down}, {@code not-confirmed}. */
    public String code() {
        return code;
    }

    public boolean certain() {
        return certain;
    }

    /** The NotStoredException behind a failure, directly or wrapped by a future; null when it is something else. */
    public static NotStoredException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NotStoredException n) {
                return n;
            }
        }
        return null;
    }
}
