package io.loyaltyhub.domain.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV, UTF-8, CRLF line ends. Text that a spreadsheet would run as a formula (starting with =, +, -,
 * @, tab or CR) is prefixed with an apostrophe: report cells can hold member-entered names.
 */
final class CsvRowWriter implements RowWriter {
    private final BufferedWriter out;

    CsvRowWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    }

    @Override
    public void header(List<String> columns) throws IOException {
        row(columns.toArray());
    }

    @Override
    public void row(Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object v = values[i];
            if (v == null) {
                continue;
            }
            if (v instanceof Number) {
                out.write(v.toString());
            } else {
                writeText(v.toString());
            }
        }
        out.write("\r\n");
    }

    private void writeText(String text) throws IOException {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        if (!quote) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
