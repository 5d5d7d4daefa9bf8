package io.loyaltyhub.adapters.poslog;

/**
 * A {@code TransactionLink} as written, on the retail transaction or on one of its Return lines: the
 * transaction it points to and why ({@code ReasonCode}, e.g. {@code Return} or {@code Resume}).
 */
public record PosLogLink(String reasonCode, String storeCode, String workstationCode, String transactionId,
                         String sequenceNumber, String businessDayDate) {

    /** Whether the link names the sale a return gives back: a {@code Return} link, or one that gives no reason. */
    public boolean namesTheSaleReturned() {
        return reasonCode == null || reasonCode.equalsIgnoreCase("Return");
    }

    /** The linked transaction's reference, built as the hub builds every POSLog reference; null when the link names none. */
    public String reference() {
        return PosLogTransaction.reference(transactionId, sequenceNumber, businessDayDate);
    }
}
