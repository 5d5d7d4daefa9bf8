package io.loyaltyhub.adapters.csv;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One CSV line (RFC 4180: commas, optional double quotes, "" for a quote inside quotes) read and written with
 * FastCSV. The batch file is cut into lines first ({@link BoundedLineReader}), so a record never spans lines and a
 * broken quote costs one line, not the rest of the file. FastCSV reads a quote inside an unquoted field as text and
 * a quote left open at the end of the input as closed there; a batch line with either is refused here instead, as
 * it always was, because it is more likely a mangled line than a field that was meant.
 */
final class CsvFields {

    private static final CsvReader.CsvReaderBuilder READER = CsvReader.builder()
            .skipEmptyLines(false).allowExtraFields(true).allowMissingFields(true);

    private CsvFields() {
    }

    /** @throws IllegalArgumentException for an unterminated or misplaced quote, or a line break outside quotes */
    static List<String> split(String line) {
        if (line.isEmpty()) {
            return List.of("");
        }
        Fields handler = new Fields();
        List<List<String>> records = new ArrayList<>(1);
        try (CsvReader<List<String>> reader = READER.build(handler, line)) {
            reader.forEach(records::add);
        } catch (CsvParseException afterClosingQuote) {
            // FastCSV's message quotes the character it met: it stays out of the refusal, which may be logged
            throw new IllegalArgumentException("misplaced quote");
        } catch (IOException cannotHappenOnAString) {
            throw new IllegalStateException(cannotHappenOnAString);
        }
        if (records.size() != 1 || lineBreaks(line) != records.get(0).stream().mapToLong(CsvFields::lineBreaks).sum()) {
            // a line break outside quotes ended a record: the reader cut the file at line feeds, so this is a lone CR
            throw new IllegalArgumentException("a line break inside the line");
        }
        List<String> fields = records.get(0);
        if (handler.quoteInUnquotedField) {
            throw new IllegalArgumentException("misplaced quote");
        }
        if (line.chars().filter(c -> c == '"').count() % 2 != 0) {
            // every quote of a well-formed line is part of a pair (opening and closing, or "" inside quotes)
            throw new IllegalArgumentException("unterminated quote");
        }
        return fields;
    }

    private static long lineBreaks(String text) {
        return text.chars().filter(c -> c == '\r' || c == '\n').count();
    }

    /**
     * A text cell of a result file: text a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR)
     * gets a leading apostrophe, as in the merchant reports. Quoting is the CSV writer's.
     */
    static String cell(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /** The field as CSV text: quoted only when it has to be. */
    static String quote(String value) {
        return line(Collections.singletonList(value));
    }

    /** The fields as one CSV line without its line break. */
    static String line(List<String> fields) {
        StringWriter text = new StringWriter();
        writer(text).writeRecord(fields);
        return text.getBuffer().substring(0, text.getBuffer().length() - 1);
    }

    /** A CSV writer with LF line ends that writes straight through to {@code out}: the caller chooses the buffering. */
    static CsvWriter writer(Writer out) {
        return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).bufferSize(0).build(out);
    }

    /** Collects one record's fields, noting a quote inside a field that was not quoted. */
    private static final class Fields extends AbstractBaseCsvCallbackHandler<List<String>> {
        private List<String> fields = new ArrayList<>();
        private boolean quoteInUnquotedField;

        @Override
        protected void handleBegin(long startingLineNumber) {
            fields = new ArrayList<>(CsvBatchLayout.COLUMNS.size());
        }

        @Override
        protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
            String field = new String(buf, offset, len);
            if (!quoted && field.indexOf('"') >= 0) {
                quoteInUnquotedField = true;
            }
            fields.add(field);
        }

        @Override
        protected List<String> buildRecord() {
            return fields;
        }
    }
}
