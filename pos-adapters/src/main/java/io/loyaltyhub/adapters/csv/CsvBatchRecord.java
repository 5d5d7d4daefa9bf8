package io.loyaltyhub.adapters.csv;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** One line of a batch file as a till back office writes it (the client side of the CSV channel). */
public record CsvBatchRecord(String storeCode, String terminalCode, String txnRef, String type, OffsetDateTime occurredAt,
                             String cardNumber, long amountMinor, String currency, String originalTxnRef) {

    public String toCsvLine() {
        return CsvFields.line(fields());
    }

    /** The record's fields in {@link CsvBatchLayout#COLUMNS} order. */
    List<String> fields() {
        return Arrays.asList(storeCode, terminalCode, txnRef, type, occurredAt.toString(), cardNumber,
                Long.toString(amountMinor), currency, originalTxnRef);
    }

    @Override
    public String toString() {
        return "batch record " + txnRef + " (card masked)";
    }
}
