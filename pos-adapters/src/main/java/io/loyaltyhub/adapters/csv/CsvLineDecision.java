package io.loyaltyhub.adapters.csv;

import io.loyaltyhub.domain.txn.PosTransaction;

/** What the hub does with one batch line: credit it, or refuse it with a coded reason. */
public sealed interface CsvLineDecision {

    long lineNumber();

    /** The line's txn_ref when it was a valid reference (never anything else from the line), else null. */
    String txnRef();

    record Submit(long lineNumber, String txnRef, PosTransaction transaction) implements CsvLineDecision {
    }

    /** {@code message} is the hub's own text; it never quotes the line, which holds a card number. */
    record Reject(long lineNumber, String txnRef, String code, String message) implements CsvLineDecision {
    }
}
