package io.loyaltyhub.hub.chaos;

/**
 * One thing the auditor found.
 *
 * @param record the transaction it concerns, or null for a finding about a purchase, account or card alone
 * @param at     when it happened as far as the tills know (the acknowledgment's time; epoch milliseconds), for
 *               telling which kill caused it; -1 when unknown
 */
record Finding(Problem problem, SwipeRecord record, String detail, long at) {
}
