package io.loyaltyhub.domain.txn;

/**
 * What the hub answers a terminal. {@code points} is the signed change this transaction made to the
 * account (0 when declined); {@code balance} is the account balance afterwards, or -1 when no account
 * is known (an invalid card). {@code last4} is printed on receipts.
 */
public record TransactionOutcome(ResultCode result, long points, long balance, String last4, boolean duplicate) {

    public static final long NO_BALANCE = -1;

    public TransactionOutcome asDuplicate() {
        return new TransactionOutcome(result, points, balance, last4, true);
    }

    public boolean approved() {
        return result.approved();
    }
}
