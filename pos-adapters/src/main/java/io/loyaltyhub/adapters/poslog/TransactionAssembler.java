package io.loyaltyhub.adapters.poslog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamReader;

/**
 * Collects the texts of one {@code <Transaction>} while the reader streams through it. Elements are
 * matched by their local-name path below {@code Transaction}, which covers both ARTS families and the
 * vendor extensions nested in them (NCR's {@code acs:LoyaltyMembership}); everything else is passed over.
 */
final class TransactionAssembler {

    private static final Set<String> CANCELLED_STATUSES = Set.of("cancelled", "canceled", "voided", "suspended");

    private final int position;
    private final Deque<String> paths = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();

    private boolean retail;
    private boolean cancelled;
    private boolean trainingMode;
    private String storeCode;
    private String workstationCode;
    private String transactionId;
    private String sequenceNumber;
    private String businessDayDate;
    private String endDateTime;
    private String beginDateTime;
    private String receiptDateTime;
    private String currencyCode;
    private String grandAmount;
    private String netAmount;
    private final List<String> taxAmounts = new ArrayList<>();
    private final List<String> totalCurrencies = new ArrayList<>();
    private String lineCurrency;
    private String totalType;
    private final List<PosLogLine> lines = new ArrayList<>();
    private LineDraft line;
    private final List<PosLogLink> links = new ArrayList<>();
    private String linkPath;
    private LinkDraft link;
    private LoyaltyIdentifier loyaltyIdentifier;

    TransactionAssembler(int position, XMLStreamReader transactionElement) {
        this.position = position;
        cancelled = isTrue(attribute(transactionElement, "CancelFlag")) || isTrue(attribute(transactionElement, "VoidFlag"));
        trainingMode = isTrue(attribute(transactionElement, "TrainingModeFlag"));
    }

    void start(XMLStreamReader xml) {
        String name = xml.getLocalName();
        String path = paths.isEmpty() ? name : paths.peek() + "/" + name;
        paths.push(path);
        text.setLength(0);
        switch (path) {
            case "RetailTransaction" -> {
                retail = true;
                cancelled |= CANCELLED_STATUSES.contains(lower(attribute(xml, "TransactionStatus")));
            }
            case "RetailTransaction/LineItem" -> line = new LineDraft(
                    isTrue(attribute(xml, "VoidFlag")) || isTrue(attribute(xml, "CancelFlag")));
            case "RetailTransaction/LineItem/Sale" -> line.kind = PosLogLine.Kind.SALE;
            case "RetailTransaction/LineItem/Return" -> line.kind = PosLogLine.Kind.RETURN;
            case "RetailTransaction/Total" -> {
                totalType = attribute(xml, "TotalType");
                String currency = attribute(xml, "CurrencyCode");
                if (currency != null && !currency.isEmpty()) {
                    totalCurrencies.add(currency);
                }
            }
            case "RetailTransaction/LineItem/Sale/ExtendedAmount", "RetailTransaction/LineItem/Return/ExtendedAmount" ->
                    lineCurrency = firstOf(lineCurrency, emptyAsNull(attribute(xml, "CurrencyCode")));
            case "TransactionLink", "RetailTransaction/TransactionLink", "RetailTransaction/LineItem/Return/TransactionLink" -> {
                linkPath = path;
                link = new LinkDraft(attribute(xml, "ReasonCode"));
            }
            default -> {
                // not an element the hub reads
            }
        }
    }

    void text(XMLStreamReader xml) {
        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
    }

    void end() {
        String path = paths.pop();
        String value = text.toString().strip();
        text.setLength(0);
        if (path.equals("RetailTransaction/LineItem")) {
            if (line.kind != null && !line.voided) {
                lines.add(line.toLine());
                links.addAll(line.links);
            }
            line = null;
            return;
        }
        if (link != null && path.equals(linkPath)) {
            if (line != null) {
                line.links.add(link.toLink()); // kept only if the line is not voided
            } else {
                links.add(link.toLink());
            }
            link = null;
            return;
        }
        if (value.isEmpty()) {
            return;
        }
        if (link != null && path.startsWith(linkPath + "/")) {
            link.read(path.substring(linkPath.length() + 1), value);
            return;
        }
        if (path.startsWith("RetailTransaction/LineItem/Sale/") || path.startsWith("RetailTransaction/LineItem/Return/")) {
            line.read(path.substring(path.indexOf('/', "RetailTransaction/LineItem/".length()) + 1), value);
        }
        switch (path) {
            case "RetailStoreID", "BusinessUnit/UnitID" -> storeCode = firstOf(storeCode, value);
            case "WorkstationID" -> workstationCode = value;
            case "TransactionID" -> transactionId = value;
            case "SequenceNumber" -> sequenceNumber = value;
            case "BusinessDayDate" -> businessDayDate = value;
            case "BeginDateTime" -> beginDateTime = value;
            case "EndDateTime" -> endDateTime = value;
            case "RetailTransaction/ReceiptDateTime" -> receiptDateTime = value;
            case "CurrencyCode" -> currencyCode = value;
            case "TrainingModeFlag" -> trainingMode |= isTrue(value);
            case "RetailTransaction/TransactionStatus" -> cancelled |= CANCELLED_STATUSES.contains(lower(value));
            case "RetailTransaction/Total" -> readTotal(value);
            default -> readLoyaltyIdentifier(path, value);
        }
    }

    PosLogTransaction finish() {
        return new PosLogTransaction(position, retail, cancelled, trainingMode, storeCode, workstationCode,
                transactionId, sequenceNumber, businessDayDate,
                firstOf(firstOf(endDateTime, beginDateTime), receiptDateTime), currencyCode,
                new PosLogTotals(grandAmount, netAmount, taxAmounts, totalCurrencies, lineCurrency),
                lines, links, loyaltyIdentifier);
    }

    private void readTotal(String value) {
        if ("TransactionGrandAmount".equals(totalType)) {
            grandAmount = firstOf(grandAmount, value);
        } else if ("TransactionNetAmount".equals(totalType)) {
            netAmount = firstOf(netAmount, value);
        } else if ("TransactionTaxAmount".equals(totalType)) {
            taxAmounts.add(value);
        }
        totalType = null;
    }

    /** Several places may hold a loyalty number; the most specific one wins whatever the order in the document. */
    private void readLoyaltyIdentifier(String path, String value) {
        String slashed = "/" + path;
        for (LoyaltyIdentifier.Source source : LoyaltyIdentifier.Source.values()) {
            if (slashed.endsWith("/" + source.pathSuffix())) {
                if (loyaltyIdentifier == null || source.ordinal() < loyaltyIdentifier.source().ordinal()) {
                    loyaltyIdentifier = new LoyaltyIdentifier(value, source);
                }
                return;
            }
        }
    }

    private static String attribute(XMLStreamReader xml, String localName) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (localName.equals(xml.getAttributeLocalName(i))) {
                return xml.getAttributeValue(i).strip();
            }
        }
        return null;
    }

    private static boolean isTrue(String flag) {
        return "true".equalsIgnoreCase(flag) || "1".equals(flag);
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(java.util.Locale.ROOT);
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String firstOf(String current, String candidate) {
        return current != null ? current : candidate;
    }

    /** A TransactionLink while it is being read; its store is UnitID (6.x) or RetailStoreID (2.x). */
    private static final class LinkDraft {
        private final String reasonCode;
        private String storeCode;
        private String workstationCode;
        private String transactionId;
        private String sequenceNumber;
        private String businessDayDate;

        LinkDraft(String reasonCode) {
            this.reasonCode = reasonCode;
        }

        void read(String pathInLink, String value) {
            switch (pathInLink) {
                case "RetailStoreID", "BusinessUnit/UnitID" -> storeCode = firstOf(storeCode, value);
                case "WorkstationID" -> workstationCode = value;
                case "TransactionID" -> transactionId = value;
                case "SequenceNumber" -> sequenceNumber = value;
                case "BusinessDayDate" -> businessDayDate = value;
                default -> {
                    // times and other details of the linked transaction: not needed to find it
                }
            }
        }

        PosLogLink toLink() {
            return new PosLogLink(reasonCode, storeCode, workstationCode, transactionId, sequenceNumber, businessDayDate);
        }
    }

    /** A line item while it is being read. */
    private static final class LineDraft {
        private final boolean voided;
        private final List<PosLogLink> links = new ArrayList<>();
        private PosLogLine.Kind kind;
        private String itemId;
        private String posItemId;
        private String merchandiseHierarchy;
        private String quantity;
        private String extendedAmount;

        LineDraft(boolean voided) {
            this.voided = voided;
        }

        void read(String pathInSaleOrReturn, String value) {
            switch (pathInSaleOrReturn) {
                case "ItemID" -> itemId = value;
                case "POSIdentity/POSItemID" -> posItemId = value;
                case "MerchandiseHierarchy" -> merchandiseHierarchy = value;
                case "Quantity" -> quantity = value;
                case "ExtendedAmount" -> extendedAmount = value;
                default -> {
                    // descriptions, prices, taxes: not needed for points
                }
            }
        }

        PosLogLine toLine() {
            return new PosLogLine(kind, itemId != null ? itemId : posItemId, merchandiseHierarchy, quantity, extendedAmount);
        }
    }
}
