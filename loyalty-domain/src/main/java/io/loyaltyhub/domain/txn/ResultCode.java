package io.loyaltyhub.domain.txn;

/**
 * The engine's answer, with a stable code that every channel maps to its own protocol
 * (HTTP JSON uses {@link #code()}, ISO 8583 field 39 uses {@link #isoResponseCode()}).
 */
public enum ResultCode {
    APPROVED("approved", true, "00"),
    INVALID_CARD("invalid-card", false, "14"),
    CARD_BLOCKED("card-blocked", false, "62"),
    ORIGINAL_NOT_FOUND("original-not-found", false, "12"),
    ALREADY_REVERSED("already-reversed", false, "12"),
    CURRENCY_NOT_ACCEPTED("currency-not-accepted", false, "13"),
    REFUND_EXCEEDS_ORIGINAL("refund-exceeds-original", false, "13"),
    INSUFFICIENT_POINTS("insufficient-points", false, "51"),
    TERMINAL_NOT_PERMITTED("terminal-not-permitted", false, "58");

    private final String code;
    private final boolean approved;
    private final String isoResponseCode;

    ResultCode(String code, boolean approved, String isoResponseCode) {
        this.code = code;
        this.approved = approved;
        this.isoResponseCode = isoResponseCode;
    }

    public String code() {
        return code;
    }

    public boolean approved() {
        return approved;
    }

    public String isoResponseCode() {
        return isoResponseCode;
    }
}
