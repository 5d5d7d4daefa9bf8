package io.loyaltyhub.adapters.iso8583;

/** Field 39 values the hub sends. Engine results map through {@code ResultCode.isoResponseCode()}; these are the edge's own. */
public final class ResponseCode {
    public static final String APPROVED = "00";
    public static final String INVALID_TRANSACTION = "12";
    public static final String INVALID_AMOUNT = "13";
    public static final String INVALID_CARD = "14";
    public static final String FORMAT_ERROR = "30";
    public static final String INSUFFICIENT_POINTS = "51";
    public static final String NOT_PERMITTED_TO_TERMINAL = "58";
    public static final String RESTRICTED_CARD = "62";
    /** Not stored (the hub is over capacity, stopping, or cannot reach its queue): send it again shortly. */
    public static final String ISSUER_UNAVAILABLE = "91";
    public static final String SYSTEM_ERROR = "96";

    private ResponseCode() {
    }
}
