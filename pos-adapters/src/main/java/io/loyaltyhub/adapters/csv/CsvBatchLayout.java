package io.loyaltyhub.adapters.csv;

import java.util.List;

/**
 * The end-of-day batch file layout, documented in docs/csv.md: UTF-8, comma-separated, one header line
 * exactly as below, then one transaction per line. Amounts are integer minor units, times ISO 8601 with offset.
 */
public final class CsvBatchLayout {

    public static final List<String> COLUMNS = List.of(
            "store_code", "terminal_code", "txn_ref", "type", "occurred_at", "card_number", "amount_minor", "currency",
            "original_txn_ref");
    public static final String HEADER = String.join(",", COLUMNS);

    static final int STORE_CODE = 0;
    static final int TERMINAL_CODE = 1;
    static final int TXN_REF = 2;
    static final int TYPE = 3;
    static final int OCCURRED_AT = 4;
    static final int CARD_NUMBER = 5;
    static final int AMOUNT_MINOR = 6;
    static final int CURRENCY = 7;
    static final int ORIGINAL_TXN_REF = 8;

    /** Longer lines are refused unread: a real line is under 200 characters. */
    public static final int MAX_LINE_CHARS = 1024;

    public static final List<String> RESULT_COLUMNS = List.of(
            "line", "txn_ref", "status", "code", "points", "balance", "last4", "duplicate", "message", "expiring_points",
            "expires_on");
    public static final String RESULT_HEADER = String.join(",", RESULT_COLUMNS);

    private CsvBatchLayout() {
    }
}
