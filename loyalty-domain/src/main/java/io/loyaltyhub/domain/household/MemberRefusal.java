package io.loyaltyhub.domain.household;

/**
 * Why the operator's card or household operation was refused, with a stable code (the CLI prints it, the operator
 * HTTP API answers it as problem+json). A refused operation changed nothing: each one is one database transaction.
 */
public enum MemberRefusal {
    /** The card number lies in no issued range and no card is stored under it. */
    UNKNOWN_CARD("unknown-card", 404),
    /** The card is in an issued range but has never been activated (no applied transaction, no operator activation). */
    CARD_NOT_ACTIVATED("card-not-activated", 409),
    /** The card was already activated (by a transaction or the operator). */
    CARD_ALREADY_ACTIVE("card-already-active", 409),
    /** No open household (member account) has this id. */
    UNKNOWN_HOUSEHOLD("unknown-household", 404),
    /** The card shares its account with other cards: it must leave that household first (or merge the households). */
    CARD_IN_ANOTHER_HOUSEHOLD("card-in-another-household", 409),
    ALREADY_IN_HOUSEHOLD("already-in-household", 409),
    /** The card is the only card of its account: there is no household to leave. */
    NOT_IN_HOUSEHOLD("not-in-household", 409),
    SAME_HOUSEHOLD("same-household", 409),
    ALREADY_BLOCKED("already-blocked", 409),
    NOT_BLOCKED("not-blocked", 409),
    /** The card was replaced by another one: it is retired for good. */
    CARD_REPLACED("card-replaced", 409),
    /** The new card of a replacement is already stored (activated, or in a household). */
    CARD_IN_USE("card-in-use", 409),
    /** A replacement card must lie in an issued range. */
    CARD_NOT_ISSUED("card-not-issued", 422),
    /** More points asked to take along than the household has (or a negative number). */
    POINTS_NOT_AVAILABLE("points-not-available", 422),
    /** This hub does not hold the card key version the coalition stores new cards under (docs/security.md). */
    CARD_KEY_UNAVAILABLE("card-key-unavailable", 503);

    private final String code;
    private final int httpStatus;

    MemberRefusal(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    /** The HTTP status the operator API answers it with. */
    public int httpStatus() {
        return httpStatus;
    }
}
