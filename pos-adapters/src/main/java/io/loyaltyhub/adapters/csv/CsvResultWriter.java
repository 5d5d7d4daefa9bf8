package io.loyaltyhub.adapters.csv;

import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes the result file of a batch, one row per input line as it is decided, so nothing accumulates in memory. */
public final class CsvResultWriter {

    private final Writer out;

    public CsvResultWriter(Writer out) {
        this.out = out;
    }

    public void writeHeader() {
        line(CsvBatchLayout.RESULT_HEADER);
    }

    public void write(CsvLineResult result) {
        boolean answered = result.answered();
        line(String.join(",",
                Long.toString(result.line()),
                CsvFields.quote(result.txnRef()),
                result.status().text(),
                result.code(),
                answered ? Long.toString(result.points()) : "",
                answered && result.balance() != TransactionOutcome.NO_BALANCE ? Long.toString(result.balance()) : "",
                answered && result.last4() != null ? result.last4() : "",
                answered ? Boolean.toString(result.duplicate()) : "",
                CsvFields.quote(result.message())));
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(String text) {
        try {
            out.write(text);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
