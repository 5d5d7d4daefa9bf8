package io.loyaltyhub.adapters.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes the result file of a batch, one row per input line as it is decided, so nothing accumulates in memory.
 * As in HTTP answers, the balance is left empty when the engine knows no account for the card; text cells are
 * written as reports write them, so a spreadsheet never runs a reference as a formula.
 */
public final class CsvResultWriter {

    private final Writer out;
    private final CsvWriter csv;

    public CsvResultWriter(Writer out) {
        this.out = out;
        this.csv = CsvFields.writer(out);
    }

    public void writeHeader() {
        csv.writeRecord(CsvBatchLayout.RESULT_COLUMNS);
    }

    public void write(CsvLineResult result) {
        boolean answered = result.answered();
        csv.writeRecord(
                Long.toString(result.line()),
                CsvFields.cell(result.txnRef()),
                result.status().text(),
                result.code(),
                answered ? Long.toString(result.points()) : "",
                answered && result.balance() != TransactionOutcome.NO_BALANCE ? Long.toString(result.balance()) : "",
                answered && result.last4() != null ? result.last4() : "",
                answered ? Boolean.toString(result.duplicate()) : "",
                CsvFields.cell(result.message()),
                answered && result.nextExpiry() != null ? Long.toString(result.nextExpiry().points()) : "",
                answered && result.nextExpiry() != null ? result.nextExpiry().on().toString() : "");
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
