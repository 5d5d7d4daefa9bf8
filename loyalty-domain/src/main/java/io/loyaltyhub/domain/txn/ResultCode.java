package io.loyaltyhub.domain.txn;

/**
 * The engine's answer, with a stable code that every channel maps to its own protocol
 * (HTTP JSON uses {@link #code()}, ISO 8583 field 39 uses {@link #isoResponseCode()}).
 *
 * <p>Most codes are decisions on the transaction (approved, or declined and recorded, so a copy gets the same
 * answer). A {@linkplain #isRefusal() refusal} is different: the engine refused the message itself, nothing was
 * applied or recorded, and the channels answer it as they answer bad input (HTTP problem+json, a "rejected"
 * result line or broker reply).
 */
public enum ResultCode {
    APPROVED("approved", true, "00", null),
    INVALID_CARD("invalid-card", false, "14", null),
    /** The operator blocked the card (lost, stolen, damaged, other): declined until it is unblocked. */
    CARD_BLOCKED("card-blocked", false, "62", null),
    /** The card was replaced by a new one, which carries its account: the old card is declined for good. */
    CARD_REPLACED("card-replaced", false, "54", null),
    /** A sale or refund above the largest amount the programme or merchant allows in one transaction (docs/limits.md). */
    AMOUNT_OVER_LIMIT("amount-over-limit", false, "61", null),
    /** The card was presented more often this hour than the programme or merchant allows. */
    CARD_SWIPE_LIMIT("card-swipe-limit", false, "65", null),
    /** The card would redeem more points today than the programme or merchant allows. */
    REDEEM_LIMIT("redeem-limit", false, "61", null),
    /** The terminal sent more transactions this minute than the programme or merchant allows. */
    TERMINAL_RATE_LIMIT("terminal-rate-limit", false, "65", null),
    /** The reward code names no reward in the catalogue (docs/rewards.md). */
    REWARD_UNKNOWN("reward-unknown", false, "25", null),
    /** The reward is another merchant's gift that this merchant does not hand out. */
    REWARD_NOT_OFFERED_HERE("reward-not-offered-here", false, "58", null),
    /** The transaction's day lies outside the reward's validity dates. */
    REWARD_EXPIRED("reward-expired", false, "54", null),
    /** Every one of the reward's stock has been handed out (or reserved). */
    REWARD_OUT_OF_STOCK("reward-out-of-stock", false, "05", null),
    /** A payment with points offered more points than the whole sale is worth (docs/rewards.md). */
    POINTS_EXCEED_SALE("points-exceed-sale", false, "13", null),
    /** A payment with points offered fewer points than one minor unit of the currency is worth. */
    POINTS_BELOW_VALUE("points-below-value", false, "13", null),
    ORIGINAL_NOT_FOUND("original-not-found", false, "12", null),
    ALREADY_REVERSED("already-reversed", false, "12", null),
    CURRENCY_NOT_ACCEPTED("currency-not-accepted", false, "13", null),
    REFUND_EXCEEDS_ORIGINAL("refund-exceeds-original", false, "13", null),
    INSUFFICIENT_POINTS("insufficient-points", false, "51", null),
    TERMINAL_NOT_PERMITTED("terminal-not-permitted", false, "58", null),
    /** A refund, void or reversal presented another card than the one its original was made with. */
    CARD_MISMATCH("card-mismatch", false, "57", null),
    /**
     * The card is not known under the card key versions this hub node holds, and the coalition has moved to a
     * newer one: the node cannot tell a new card from a known one, so it must not create an account for it.
     */
    CARD_KEY_UNAVAILABLE("card-key-unavailable", false, "96", null),
    /** The engine can never apply this transaction (the database refuses it every time); nothing was applied. */
    CANNOT_APPLY("cannot-apply", false, "96", null),
    REFERENCE_REUSED("reference-reused", false, "94",
            "this terminal already used this reference for a transaction with other content (amount, currency, card, "
                    + "original or points); nothing was applied: send this transaction under a new reference"),
    OCCURRED_AT_OUT_OF_RANGE("occurred-at-out-of-range", false, "30",
            "occurredAt is further in the future, or further in the past, than the hub accepts; nothing was applied");

    private final String code;
    private final boolean approved;
    private final String isoResponseCode;
    private final String refusalDetail;

    ResultCode(String code, boolean approved, String isoResponseCode, String refusalDetail) {
        this.code = code;
        this.approved = approved;
        this.isoResponseCode = isoResponseCode;
        this.refusalDetail = refusalDetail;
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

    /** The message was refused as a whole: nothing applied, nothing recorded under its reference. */
    public boolean isRefusal() {
        return refusalDetail != null;
    }

    /** For a refusal, what the sender should know (no transaction data in it); null otherwise. */
    public String refusalDetail() {
        return refusalDetail;
    }
}
