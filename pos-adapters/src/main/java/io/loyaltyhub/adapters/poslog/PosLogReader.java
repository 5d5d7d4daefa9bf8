package io.loyaltyhub.adapters.poslog;

import io.loyaltyhub.adapters.poslog.PosLogDocumentException.Reason;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.MissingResourceException;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams a POSLog document (ARTS 2.x or 6.x) into its transactions without building a tree. The whole
 * document is read before any transaction is handed on, so a document that turns out to be malformed,
 * oversized or hostile halfway through is refused as a whole and credits nothing. Memory is bounded by
 * {@link PosLogLimits}: only the few texts the hub needs are kept per transaction.
 */
public final class PosLogReader {

    private static final XMLInputFactory FACTORY = HardenedXmlInputFactory.create();
    private static final Pattern QUOTABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z_.-]{0,39}");

    private final PosLogLimits limits;

    public PosLogReader(PosLogLimits limits) {
        this.limits = limits;
    }

    /** @throws PosLogDocumentException when the document as a whole is refused */
    public List<PosLogTransaction> read(InputStream document) {
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(new SizeLimitedInputStream(document, limits.maxDocumentBytes()));
            return readTransactions(xml);
        } catch (XMLStreamException e) {
            throw refusal(e);
        } catch (MissingResourceException e) {
            // With DTD support off, the JDK's parser reports a fault inside a DOCTYPE (a control character, say) by a
            // message key its bundle lacks, so the fault surfaces as this instead of an XMLStreamException.
            throw new PosLogDocumentException(Reason.DTD_NOT_ALLOWED, null);
        } finally {
            close(xml);
        }
    }

    private List<PosLogTransaction> readTransactions(XMLStreamReader xml) throws XMLStreamException {
        List<PosLogTransaction> transactions = new ArrayList<>();
        TransactionAssembler current = null;
        int depth = 0;
        while (xml.hasNext()) {
            switch (xml.next()) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                        throw new PosLogDocumentException(Reason.DTD_NOT_ALLOWED, at(xml.getLocation()));
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth > limits.maxElementDepth()) {
                        throw new PosLogDocumentException(Reason.TOO_DEEP, "limit " + limits.maxElementDepth() + " levels");
                    }
                    if (depth == 1) {
                        requirePosLogRoot(xml);
                    } else if (depth == 2 && isTransaction(xml)) {
                        if (transactions.size() == limits.maxTransactions()) {
                            throw new PosLogDocumentException(Reason.TOO_MANY_TRANSACTIONS, "limit " + limits.maxTransactions());
                        }
                        current = new TransactionAssembler(transactions.size() + 1, xml);
                    } else if (current != null) {
                        current.start(xml);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (current != null) {
                        current.text(xml);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (current != null) {
                        if (depth == 2) {
                            transactions.add(current.finish());
                            current = null;
                        } else {
                            current.end();
                        }
                    }
                    depth--;
                }
                default -> {
                    // comments and processing instructions carry nothing the hub reads
                }
            }
        }
        return transactions;
    }

    private static void requirePosLogRoot(XMLStreamReader xml) {
        if (!"POSLog".equals(xml.getLocalName()) || !PosLogNamespaces.isArts(xml.getNamespaceURI())) {
            throw new PosLogDocumentException(Reason.NOT_POSLOG, "found element " + shown(xml.getLocalName()));
        }
    }

    /** An element name quoted in a refusal, unless it could carry document content such as a loyalty number. */
    private static String shown(String name) {
        return QUOTABLE_NAME.matcher(name).matches() ? name : "(name not shown)";
    }

    private static boolean isTransaction(XMLStreamReader xml) {
        return "Transaction".equals(xml.getLocalName()) && PosLogNamespaces.isArts(xml.getNamespaceURI());
    }

    /** Our own limits surface from inside the parser; everything else the parser objects to is malformed XML. */
    private static PosLogDocumentException refusal(XMLStreamException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PosLogDocumentException refused) {
                return refused;
            }
        }
        return new PosLogDocumentException(Reason.MALFORMED, at(e.getLocation()));
    }

    private static String at(Location location) {
        return location == null ? null : "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // the document has been read or refused; a failure to release the reader changes neither
            }
        }
    }
}
