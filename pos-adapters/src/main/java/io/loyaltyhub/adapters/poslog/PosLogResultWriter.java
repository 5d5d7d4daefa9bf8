package io.loyaltyhub.adapters.poslog;

import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the answer to a POSLog document: one {@code <Transaction>} row per transaction, in document order,
 * plus counts per status. The same document is the HTTP reply and the result file of a dropped POSLog file.
 * Layout documented in docs/poslog.md.
 */
public final class PosLogResultWriter {

    public static final String NAMESPACE = "urn:loyaltyhub:poslog-result:1";
    public static final String MEDIA_TYPE = "application/xml";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    public void write(List<PosLogTransactionResult> results, OutputStream out) {
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("PosLogResult");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("transactions", Integer.toString(results.size()));
            for (Map.Entry<PosLogTransactionResult.Status, Integer> count : countByStatus(results).entrySet()) {
                xml.writeAttribute(count.getKey().text(), Integer.toString(count.getValue()));
            }
            for (PosLogTransactionResult result : results) {
                writeTransaction(xml, result);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the POSLog result", e);
        }
    }

    /**
     * The result of a document refused as a whole (a dropped file that is malformed, a duplicate...): no
     * transaction rows, and the reason on the root element. Nothing in such a document was credited.
     */
    public void writeDocumentRefusal(String code, String message, OutputStream out) {
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeEmptyElement("PosLogResult");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("transactions", "0");
            xml.writeAttribute("status", "rejected");
            xml.writeAttribute("code", code);
            xml.writeAttribute("message", message);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the POSLog result", e);
        }
    }

    private static void writeTransaction(XMLStreamWriter xml, PosLogTransactionResult result) throws XMLStreamException {
        xml.writeEmptyElement("Transaction");
        xml.writeAttribute("position", Integer.toString(result.position()));
        optional(xml, "store", result.storeCode());
        optional(xml, "workstation", result.workstationCode());
        optional(xml, "reference", result.reference());
        xml.writeAttribute("status", result.status().text());
        xml.writeAttribute("code", result.code());
        optional(xml, "message", result.message());
        if (result.status() == PosLogTransactionResult.Status.APPROVED || result.status() == PosLogTransactionResult.Status.DECLINED) {
            xml.writeAttribute("points", Long.toString(result.points()));
            if (result.balance() != TransactionOutcome.NO_BALANCE) {
                xml.writeAttribute("balance", Long.toString(result.balance())); // as over HTTP: no account, no balance
            }
            optional(xml, "last4", result.last4());
            xml.writeAttribute("duplicate", Boolean.toString(result.duplicate()));
            if (result.nextExpiry() != null) {
                xml.writeAttribute("expiringPoints", Long.toString(result.nextExpiry().points()));
                xml.writeAttribute("expiresOn", result.nextExpiry().on().toString());
            }
        }
    }

    private static Map<PosLogTransactionResult.Status, Integer> countByStatus(List<PosLogTransactionResult> results) {
        Map<PosLogTransactionResult.Status, Integer> counts = new EnumMap<>(PosLogTransactionResult.Status.class);
        for (PosLogTransactionResult.Status status : PosLogTransactionResult.Status.values()) {
            counts.put(status, 0);
        }
        results.forEach(result -> counts.merge(result.status(), 1, Integer::sum));
        return counts;
    }

    private static void optional(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeAttribute(name, value);
        }
    }
}
