package io.loyaltyhub.domain.report;

/**
 * A report request that cannot be answered, with a stable code. {@link Kind#NOT_FOUND} is used alike for ids
 * that do not exist and for ids of another merchant, so a merchant cannot tell the two apart.
 */
public final class ReportRejected extends RuntimeException {
    public enum Kind { BAD_PARAMETER, NOT_FOUND }

    private final Kind kind;
    private final String code;

    public ReportRejected(Kind kind, String code, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
