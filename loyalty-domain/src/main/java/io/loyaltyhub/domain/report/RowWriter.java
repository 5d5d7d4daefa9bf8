package io.loyaltyhub.domain.report;

import java.io.IOException;
import java.util.List;

/**
 * Writes report rows in one format. Values are {@code String}, {@code Long}, {@code Integer},
 * {@code java.time.LocalDate}, {@code java.time.OffsetDateTime} or null; never floating point.
 */
interface RowWriter {
    void header(List<String> columns) throws IOException;

    void row(Object... values) throws IOException;

    /** Ends the document and flushes; does not close the underlying stream. */
    void finish() throws IOException;
}
