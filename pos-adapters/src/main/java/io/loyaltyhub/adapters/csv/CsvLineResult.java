package io.loyaltyhub.adapters.csv;

import io.loyaltyhub.domain.txn.TransactionOutcome;

/**
 * The outcome of one batch line. {@code code} is the engine's result code for answered lines and the hub's
 * reason code otherwise; points, balance and last4 are only known once the engine has answered.
 */
public record CsvLineResult(long line, String txnRef, Status status, String code, String message,
                            long points, long balance, String last4, boolean duplicate,
                            io.loyaltyhub.domain.txn.ExpiringPoints nextExpiry) {

    public enum Status {
        APPROVED, DECLINED, PENDING, REJECTED;

        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Durable on the broker but not answered in time: it will be credited, the merchant need not resend. */
    public static final String ACCEPTED_PENDING = "accepted-pending";

    /** The engine's answer; a message it refused (see {@code ResultCode.isRefusal()}) is a rejected line with the reason. */
    public static CsvLineResult answered(long line, String txnRef, TransactionOutcome outcome) {
        if (outcome.result().isRefusal()) {
            return rejected(line, txnRef, outcome.result().code(), outcome.result().refusalDetail());
        }
        return new CsvLineResult(line, txnRef, outcome.approved() ? Status.APPROVED : Status.DECLINED, outcome.result().code(), null,
                outcome.points(), outcome.balance(), outcome.last4(), outcome.duplicate(), outcome.nextExpiry());
    }

    public static CsvLineResult pending(long line, String txnRef) {
        return new CsvLineResult(line, txnRef, Status.PENDING, ACCEPTED_PENDING, null, 0, TransactionOutcome.NO_BALANCE, null, false, null);
    }

    public static CsvLineResult rejected(long line, String txnRef, String code, String message) {
        return new CsvLineResult(line, txnRef, Status.REJECTED, code, message, 0, TransactionOutcome.NO_BALANCE, null, false, null);
    }

    public boolean answered() {
        return status == Status.APPROVED || status == Status.DECLINED;
    }
}
