package io.loyaltyhub.adapters.poslog;

import java.io.StringReader;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The per-status counts on the root of a POSLog answer ({@code <PosLogResult approved="…" …>}), as a client reads them. */
public record PosLogAnswerCounts(int approved, int declined, int pending, int skipped, int rejected) {

    /** Transactions the hub refused or declined. */
    public int refused() {
        return declined + rejected;
    }

    /** Transactions credited or stored to be credited. */
    public int accepted() {
        return approved + pending;
    }

    public PosLogAnswerCounts plus(PosLogAnswerCounts other) {
        return new PosLogAnswerCounts(approved + other.approved, declined + other.declined, pending + other.pending,
                skipped + other.skipped, rejected + other.rejected);
    }

    public static PosLogAnswerCounts none() {
        return new PosLogAnswerCounts(0, 0, 0, 0, 0);
    }

    /** @throws IllegalArgumentException when the body is not a POSLog answer */
    public static PosLogAnswerCounts of(String answer) {
        try {
            XMLStreamReader xml = HardenedXmlInputFactory.create().createXMLStreamReader(new StringReader(answer));
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    if (!"PosLogResult".equals(xml.getLocalName())) {
                        break;
                    }
                    return new PosLogAnswerCounts(count(xml, "approved"), count(xml, "declined"), count(xml, "pending"),
                            count(xml, "skipped"), count(xml, "rejected"));
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new IllegalArgumentException("not a POSLog answer", e);
        }
        throw new IllegalArgumentException("not a POSLog answer");
    }

    private static int count(XMLStreamReader xml, String status) {
        String value = xml.getAttributeValue(null, status);
        return value == null ? 0 : Integer.parseInt(value);
    }
}
