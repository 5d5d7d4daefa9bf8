package io.loyaltyhub.domain.report;

import java.util.Locale;

/** How a report is written: CSV (one header line, then one line per row) or a JSON array of objects. */
public enum ReportFormat {
    CSV("text/csv; charset=utf-8", "csv"),
    JSON("application/json", "json");

    private final String contentType;
    private final String extension;

    ReportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public static ReportFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return CSV;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "json" -> JSON;
            default -> throw new ReportRejected(ReportRejected.Kind.BAD_PARAMETER, "unknown-format",
                    "format must be csv or json");
        };
    }

    RowWriter writerTo(java.io.OutputStream out) {
        return this == CSV ? new CsvRowWriter(out) : new JsonRowWriter(out);
    }
}
