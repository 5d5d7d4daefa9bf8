package io.loyaltyhub.adapters.csv;

/**
 * Counts for one processed batch file. {@code notStored} counts the rejected lines that were refused by the
 * crediting path (not stored, or not confirmed as stored): the file must be sent again for them. {@code fileRejection}
 * is the reason code when the file as a whole was refused (nothing in it was credited), else null.
 */
public record CsvBatchSummary(long lines, long approved, long declined, long pending, long rejected, long notStored,
                              String fileRejection) {

    public boolean fileRejected() {
        return fileRejection != null;
    }

    /** Whether every line was either credited, declined, refused as bad input, or is stored and pending. */
    public boolean allStored() {
        return notStored == 0;
    }

    static CsvBatchSummary refused(String code) {
        return new CsvBatchSummary(0, 0, 0, 0, 0, 0, code);
    }
}
