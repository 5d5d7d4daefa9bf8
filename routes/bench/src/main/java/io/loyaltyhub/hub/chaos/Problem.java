package io.loyaltyhub.hub.chaos;

/** What the auditor can find wrong, and whether it fails the run. */
enum Problem {
    /** Answered approved or declined, then gone: no trace after a restart, or applied anew when sent again. */
    LOST(true),
    /** Answered "pending" (stored, will be credited), then gone: applied anew when sent again, or never stored. */
    PENDING_LOST(true),
    /** Answered "pending", and still not credited when the run ended. */
    PENDING_NEVER_CREDITED(true),
    /** A purchase credited more than once: more than one ledger entry, or its points several times over. */
    DOUBLED(true),
    /** A purchase whose ledger entries do not add up to its points (a credit missing from the ledger). */
    LEDGER_MISMATCH(true),
    /** An account whose balance is not the sum of its ledger. */
    BALANCE_MISMATCH(true),
    /** A card whose balance is not the sum of the points its tills were told. */
    CARD_MISMATCH(true),
    /** Stored, or answered again, with another outcome than the one the till was first told. */
    OUTCOME_MISMATCH(true),
    /** Sent, and sent again, and never answered (or its resend at the end of the run never was). */
    UNANSWERED(true),
    /** A daily job of the day the run started not run to its end once across the nodes (docs/operations.md). */
    DAILY_JOB_NOT_DONE(true),
    /** Refused as bad input; the suite sends none. */
    REJECTED(true),
    /** Answered "not stored, send it again" although it had been stored: harmless here, but an untrue answer. */
    NOT_STORED_BUT_STORED(false);

    private final boolean failsRun;

    Problem(boolean failsRun) {
        this.failsRun = failsRun;
    }

    boolean failsRun() {
        return failsRun;
    }
}
