package io.loyaltyhub.domain.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, UTF-8, CRLF line ends, written by FastCSV (fields quoted only when they must be). Text that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe: report
 * cells can hold member-entered names. Numbers are written as they are: a negative amount is a number, not a formula.
 */
final class CsvRowWriter implements RowWriter {
    private final CsvWriter out;

    CsvRowWriter(OutputStream out) {
        this.out = CsvWriter.builder().bufferSize(64 * 1024).build(out, StandardCharsets.UTF_8);
    }

    @Override
    public void header(List<String> columns) throws IOException {
        row(columns.toArray());
    }

    @Override
    public void row(Object... values) throws IOException {
        List<String> cells = new ArrayList<>(values.length);
        for (Object v : values) {
            cells.add(v == null ? null : v instanceof Number ? v.toString() : Cells.text(v.toString()));
        }
        try {
            out.writeRecord(cells);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
