package io.loyaltyhub.adapters.csv;

import java.time.OffsetDateTime;

/** One line of a batch file as a till back office writes it (the client side of the CSV channel). */
public record CsvBatchRecord(String storeCode, String terminalCode, String txnRef, String type, OffsetDateTime occurredAt,
                             String cardNumber, long amountMinor, String currency, String originalTxnRef) {

    public String toCsvLine() {
        return String.join(",", CsvFields.quote(storeCode), CsvFields.quote(terminalCode), CsvFields.quote(txnRef), type,
                occurredAt.toString(), cardNumber, Long.toString(amountMinor), currency, CsvFields.quote(originalTxnRef));
    }

    @Override
    public String toString() {
        return "batch record " + txnRef + " (card masked)";
    }
}
