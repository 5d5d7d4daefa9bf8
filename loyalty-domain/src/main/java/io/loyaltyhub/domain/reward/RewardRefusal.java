package io.loyaltyhub.domain.reward;

/**
 * Why an operation on the catalogue or a redemption was refused, with a stable code (the operator HTTP API answers it
 * as problem+json with this status). A refused operation changed nothing: each one is one database transaction.
 */
public enum RewardRefusal {
    INVALID_REWARD("invalid-reward", 422),
    REWARD_CODE_TAKEN("reward-code-taken", 409),
    UNKNOWN_MERCHANT("unknown-merchant", 404),
    REWARD_UNKNOWN("reward-unknown", 404),
    REWARD_EXPIRED("reward-expired", 409),
    REWARD_OUT_OF_STOCK("reward-out-of-stock", 409),
    UNKNOWN_CARD("unknown-card", 404),
    CARD_NOT_USABLE("card-not-usable", 409),
    INSUFFICIENT_POINTS("insufficient-points", 409),
    UNKNOWN_REDEMPTION("unknown-redemption", 404),
    /** Only a reserved (mailed, not yet sent) redemption can be fulfilled or cancelled by the operator. */
    REDEMPTION_NOT_RESERVED("redemption-not-reserved", 409);

    private final String code;
    private final int httpStatus;

    RewardRefusal(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
