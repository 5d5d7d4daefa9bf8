package io.loyaltyhub.hub.chaos;

/**
 * One answer a till got, in channel-neutral terms.
 *
 * @param code      the channel's own result code: the JSON/CSV {@code code} ("approved", "insufficient-points"),
 *                  or ISO 8583 field 39 ("00", "51")
 * @param points    the points change it states, null when it states none (pending, rejected)
 * @param balance   the balance after it, null when not stated
 * @param duplicate whether the answer says it repeats a first answer; null on a channel that does not say (ISO 8583)
 * @param atMillis  when the till received it (epoch milliseconds)
 */
record Answer(AnswerKind kind, String code, Long points, Long balance, Boolean duplicate, long atMillis) {

    boolean sameOutcomeAs(Answer other) {
        return other != null && kind == other.kind && code.equals(other.code) && java.util.Objects.equals(points, other.points);
    }

    /**
     * A copy's answer on a channel with no duplicate flag (ISO 8583): the same outcome. Its balance is the card's balance
     * now, not the first answer's (docs/http-json.md, copies), so it cannot tell a copy apart; whether the copy was
     * applied anew is judged from the database ({@code appliedAnew}).
     */
    boolean repeats(Answer first) {
        return sameOutcomeAs(first);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "/" + code + (points == null ? "" : " points " + points)
                + (balance == null ? "" : " balance " + balance) + (Boolean.TRUE.equals(duplicate) ? " duplicate" : "");
    }
}
