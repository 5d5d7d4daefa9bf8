package io.loyaltyhub.domain.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A JSON array with one object per row, written as rows arrive (never held in memory). */
final class JsonRowWriter implements RowWriter {
    private final BufferedWriter out;
    private List<String> columns;
    private boolean first = true;

    JsonRowWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    }

    @Override
    public void header(List<String> columns) throws IOException {
        this.columns = columns;
        out.write('[');
    }

    @Override
    public void row(Object... values) throws IOException {
        out.write(first ? "\n{" : ",\n{");
        first = false;
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            writeString(columns.get(i));
            out.write(':');
            Object v = values[i];
            if (v == null) {
                out.write("null");
            } else if (v instanceof Number) {
                out.write(v.toString());
            } else {
                writeString(v.toString());
            }
        }
        out.write('}');
    }

    private void writeString(String s) throws IOException {
        out.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.write("\\\"");
                case '\\' -> out.write("\\\\");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\t' -> out.write("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.write(String.format("\\u%04x", (int) c));
                    } else {
                        out.write(c);
                    }
                }
            }
        }
        out.write('"');
    }

    @Override
    public void finish() throws IOException {
        out.write(first ? "]" : "\n]");
        out.write('\n');
        out.flush();
    }
}
