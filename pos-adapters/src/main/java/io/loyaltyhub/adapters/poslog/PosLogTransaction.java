package io.loyaltyhub.adapters.poslog;

import java.util.List;

/**
 * One {@code <Transaction>} of a POSLog document as written, before anything is checked: the texts the
 * hub needs, in whichever of the ARTS 2.x/6.x places the document put them. {@code position} is the
 * transaction's 1-based place in the document, so every result row can be matched to its transaction.
 */
public record PosLogTransaction(
        int position,
        boolean retail,
        boolean cancelled,
        boolean trainingMode,
        String storeCode,
        String workstationCode,
        String transactionId,
        String sequenceNumber,
        String businessDayDate,
        String dateTime,
        String currencyCode,
        PosLogTotals totals,
        List<PosLogLine> lines,
        List<PosLogLink> links,
        LoyaltyIdentifier loyaltyIdentifier) {

    public PosLogTransaction {
        lines = List.copyOf(lines);
        links = List.copyOf(links);
    }

    /** TransactionID when the POS sent one, else business day + sequence number (unique per workstation); null when neither. */
    public String reference() {
        return reference(transactionId, sequenceNumber, businessDayDate);
    }

    static String reference(String transactionId, String sequenceNumber, String businessDayDate) {
        if (transactionId != null) {
            return transactionId;
        }
        if (sequenceNumber == null) {
            return null;
        }
        return businessDayDate == null ? sequenceNumber : businessDayDate + "/" + sequenceNumber;
    }
}
