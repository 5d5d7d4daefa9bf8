package io.loyaltyhub.adapters.poslog;

import io.loyaltyhub.domain.txn.TransactionOutcome;

/**
 * The outcome of one POSLog transaction as the sender sees it. {@code code} is the engine's result code
 * for answered transactions and the hub's reason code otherwise; points, balance and last4 are only known
 * once the engine has answered (0, {@code TransactionOutcome.NO_BALANCE} and null before that).
 */
public record PosLogTransactionResult(
        int position,
        String storeCode,
        String workstationCode,
        String reference,
        Status status,
        String code,
        String message,
        long points,
        long balance,
        String last4,
        boolean duplicate,
        io.loyaltyhub.domain.txn.ExpiringPoints nextExpiry) {

    public enum Status {
        APPROVED, DECLINED, PENDING, SKIPPED, REJECTED;

        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Durable on the broker but not answered in time: it will be credited, the sender need not resend. */
    public static final String ACCEPTED_PENDING = "accepted-pending";

    /** The engine's answer; a message it refused (see {@code ResultCode.isRefusal()}) is a rejected transaction with the reason. */
    public static PosLogTransactionResult answered(PosLogTransaction source, TransactionOutcome outcome) {
        if (outcome.result().isRefusal()) {
            return of(source, Status.REJECTED, outcome.result().code(), outcome.result().refusalDetail());
        }
        return new PosLogTransactionResult(source.position(), source.storeCode(), source.workstationCode(), source.reference(),
                outcome.approved() ? Status.APPROVED : Status.DECLINED, outcome.result().code(), null,
                outcome.points(), outcome.balance(), outcome.last4(), outcome.duplicate(), outcome.nextExpiry());
    }

    public static PosLogTransactionResult pending(PosLogTransaction source) {
        return of(source, Status.PENDING, ACCEPTED_PENDING, null);
    }

    /** Not stored, or not confirmed as stored: the sender sends it again (a copy already credited is answered as one). */
    public static PosLogTransactionResult notStored(PosLogTransaction source, String code, String message) {
        return of(source, Status.REJECTED, code, message);
    }

    /** The result of a transaction that never reached the crediting path. */
    public static PosLogTransactionResult notSubmitted(PosLogDecision decision) {
        if (decision instanceof PosLogDecision.Skip skip) {
            return of(skip.source(), Status.SKIPPED, skip.code(), null);
        }
        if (decision instanceof PosLogDecision.Reject reject) {
            return of(reject.source(), Status.REJECTED, reject.code(), reject.message());
        }
        throw new IllegalArgumentException("transaction " + decision.source().position()
                + " was submitted; its result is the engine's answer");
    }

    private static PosLogTransactionResult of(PosLogTransaction source, Status status, String code, String message) {
        return new PosLogTransactionResult(source.position(), source.storeCode(), source.workstationCode(), source.reference(),
                status, code, message, 0, TransactionOutcome.NO_BALANCE, null, false, null);
    }
}
