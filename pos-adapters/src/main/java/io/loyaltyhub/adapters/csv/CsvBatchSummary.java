package io.loyaltyhub.adapters.csv;

/**
 * Counts for one processed batch file. {@code fileRejection} is the reason code when the file as a whole
 * was refused (nothing in it was credited), else null.
 */
public record CsvBatchSummary(long lines, long approved, long declined, long pending, long rejected, String fileRejection) {

    public boolean fileRejected() {
        return fileRejection != null;
    }

    static CsvBatchSummary refused(String code) {
        return new CsvBatchSummary(0, 0, 0, 0, 0, code);
    }
}
