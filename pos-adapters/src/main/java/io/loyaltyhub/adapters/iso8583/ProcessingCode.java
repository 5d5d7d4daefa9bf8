package io.loyaltyhub.adapters.iso8583;

import io.loyaltyhub.domain.txn.TransactionType;
import java.util.Optional;

/**
 * Field 3: the first two digits say what the terminal wants (the account-type digits that follow are
 * ignored, a loyalty account has no cheque or savings flavour). 91 is private use and means redemption.
 */
public final class ProcessingCode {

    public static final String SALE = "000000";
    public static final String REFUND = "200000";
    public static final String BALANCE_INQUIRY = "310000";
    public static final String REDEMPTION = "910000";

    private ProcessingCode() {
    }

    public static Optional<TransactionType> transactionType(String field3) {
        return switch (field3.substring(0, 2)) {
            case "00" -> Optional.of(TransactionType.SALE);
            case "20" -> Optional.of(TransactionType.REFUND);
            case "31" -> Optional.of(TransactionType.BALANCE_INQUIRY);
            case "91" -> Optional.of(TransactionType.REDEEM);
            default -> Optional.empty();
        };
    }

    public static String of(TransactionType type) {
        return switch (type) {
            case SALE -> SALE;
            case REFUND -> REFUND;
            case BALANCE_INQUIRY -> BALANCE_INQUIRY;
            case REDEEM -> REDEMPTION;
            case VOID, REVERSAL -> throw new IllegalArgumentException(type + " travels as an 0400/0420 with its original's processing code");
        };
    }
}
