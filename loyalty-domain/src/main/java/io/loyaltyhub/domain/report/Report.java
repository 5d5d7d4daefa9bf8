package io.loyaltyhub.domain.report;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** One downloadable report: its columns, the parameters it takes besides the period, and how it writes its rows. */
interface Report {
    String name();

    List<String> columns();

    /** Parameters this report accepts besides {@code from}, {@code to}, {@code format} and {@code gzip}. */
    Set<String> parameters();

    /** Of those, the ones a request must give (refused with {@code missing-parameter} otherwise). */
    default Set<String> requiredParameters() {
        return Set.of();
    }

    /** Writes the rows (the header is already written) and returns how many. */
    long write(ReportRun run) throws SQLException, IOException;
}
