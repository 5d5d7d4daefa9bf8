package io.loyaltyhub.adapters.csv;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180: commas, optional double quotes, "" for a quote inside quotes). */
final class CsvFields {

    private CsvFields() {
    }

    /** @throws IllegalArgumentException for an unterminated or misplaced quote */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>(CsvBatchLayout.COLUMNS.size());
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuotedField = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    afterQuotedField = true;
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuotedField = false;
            } else if (c == '"' && field.length() == 0 && !afterQuotedField) {
                quoted = true;
            } else if (afterQuotedField || c == '"') {
                throw new IllegalArgumentException("misplaced quote");
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote");
        }
        fields.add(field.toString());
        return fields;
    }

    /**
     * A text cell of a result file: like {@link #quote}, and text a spreadsheet would run as a formula (starting
     * with =, +, -, @, tab or CR) gets a leading apostrophe, as in the merchant reports.
     */
    static String cell(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return quote("'" + value);
        }
        return quote(value);
    }

    /** The field as CSV text: quoted only when it has to be. */
    static String quote(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
