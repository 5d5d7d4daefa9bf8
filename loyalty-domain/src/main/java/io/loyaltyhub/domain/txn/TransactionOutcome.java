package io.loyaltyhub.domain.txn;

import java.util.List;

/**
 * What the hub answers a terminal. {@code points} is the signed change this transaction made to the
 * account (0 when declined); {@code balance} is the account balance when the answer was given (it may be
 * negative, see docs/http-json.md "Points rules"), or {@link #NO_BALANCE} when no account is known (an invalid
 * card, a refused message). {@code last4} is printed on receipts. A {@code duplicate} is a copy of a transaction
 * already answered: it carries the first answer's result and points, and the balance as it is now. {@code nextExpiry}
 * (null when there is none to show) is how many points expire next and when, with a balance inquiry's answer.
 * {@code covered} is the money (minor units of the sale's currency) that the points of an approved payment with points
 * paid (docs/rewards.md), 0 for every other answer. {@code rules} names the earn rules whose points an approved sale
 * earned ({@code rate:base}, {@code rate:v<id>}, {@code campaign:<code>}, {@code tier:<code>}), empty otherwise.
 */
public record TransactionOutcome(ResultCode result, long points, long balance, String last4, boolean duplicate,
                                 ExpiringPoints nextExpiry, long covered, List<String> rules) {

    public TransactionOutcome {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public TransactionOutcome(ResultCode result, long points, long balance, String last4, boolean duplicate,
                              ExpiringPoints nextExpiry, long covered) {
        this(result, points, balance, last4, duplicate, nextExpiry, covered, List.of());
    }

    public TransactionOutcome(ResultCode result, long points, long balance, String last4, boolean duplicate,
                              ExpiringPoints nextExpiry) {
        this(result, points, balance, last4, duplicate, nextExpiry, 0);
    }

    /** An answer without an expiry to show (every answer but a balance inquiry's on an account with points that expire). */
    public TransactionOutcome(ResultCode result, long points, long balance, String last4, boolean duplicate) {
        this(result, points, balance, last4, duplicate, null);
    }

    /** The same answer, showing the points that expire next ({@code nextExpiry} null: none). */
    public TransactionOutcome withNextExpiry(ExpiringPoints next) {
        return new TransactionOutcome(result, points, balance, last4, duplicate, next, covered, rules);
    }

    /** The same answer, saying how much money the points paid. */
    public TransactionOutcome withCovered(long money) {
        return new TransactionOutcome(result, points, balance, last4, duplicate, nextExpiry, money, rules);
    }

    /** The same answer, naming the earn rules that produced its points. */
    public TransactionOutcome withRules(List<String> applied) {
        return new TransactionOutcome(result, points, balance, last4, duplicate, nextExpiry, covered, applied);
    }

    /** No account is known: a value no balance can take (balances may be negative). */
    public static final long NO_BALANCE = Long.MIN_VALUE;

    /** The engine refused the message itself (see {@link ResultCode#isRefusal()}): no points, no balance. */
    public static TransactionOutcome refused(ResultCode refusal, String last4) {
        if (!refusal.isRefusal()) {
            throw new IllegalArgumentException(refusal + " is not a refusal");
        }
        return new TransactionOutcome(refusal, 0, NO_BALANCE, last4, false);
    }

    public TransactionOutcome asDuplicate() {
        return new TransactionOutcome(result, points, balance, last4, true, null, covered, rules);
    }

    /** The same first answer as a copy, showing the balance as it is when the copy is answered. */
    public TransactionOutcome asDuplicateWithBalance(long currentBalance) {
        return new TransactionOutcome(result, points, currentBalance, last4, true, null, covered, rules);
    }

    public boolean approved() {
        return result.approved();
    }

    public boolean hasBalance() {
        return balance != NO_BALANCE;
    }
}
