package io.loyaltyhub.domain.report;

import java.io.IOException;
import java.util.List;

/** Counts the rows written, so the audit records how far a download got even when it fails half way. */
final class CountingRowWriter implements RowWriter {
    private final RowWriter delegate;
    private long rows;

    CountingRowWriter(RowWriter delegate) {
        this.delegate = delegate;
    }

    @Override
    public void header(List<String> columns) throws IOException {
        delegate.header(columns);
    }

    @Override
    public void row(Object... values) throws IOException {
        delegate.row(values);
        rows++;
    }

    @Override
    public void finish() throws IOException {
        delegate.finish();
    }

    long rows() {
        return rows;
    }
}
