package io.loyaltyhub.adapters.poslog;

/**
 * The loyalty number a transaction carries, and the element it came from. Its text form never shows the
 * number, so a transaction logged by accident cannot leak it; the number itself goes only to the card reader.
 */
public record LoyaltyIdentifier(String number, Source source) {

    /** Where POSLog dialects put the shopper's loyalty number, most specific first. */
    public enum Source {
        LOYALTY_CARD("LoyaltyAccount/LoyaltyCard/PrimaryAccountNumber"),
        LOYALTY_ACCOUNT("LoyaltyAccount/LoyaltyProgram/LoyaltyAccountID"),
        CUSTOMER("Customer/CustomerID"),
        NCR_LOYALTY_MEMBERSHIP("LoyaltyMembership/LoyaltyID");

        private final String pathSuffix;

        Source(String pathSuffix) {
            this.pathSuffix = pathSuffix;
        }

        String pathSuffix() {
            return pathSuffix;
        }
    }

    public LoyaltyIdentifier {
        if (number == null || number.isBlank() || source == null) {
            throw new IllegalArgumentException("a loyalty identifier needs a number and its source");
        }
    }

    @Override
    public String toString() {
        return "loyalty identifier from " + source.pathSuffix + " (masked)";
    }
}
