package io.loyaltyhub.adapters.poslog;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;

/**
 * The one place POSLog XML readers come from. The JDK's own StAX implementation is used (not whichever
 * one happens to be on the class path) so the hardening below is known to take effect: no DTD processing,
 * no external entities or schemas, no entity replacement. A DOCTYPE that still shows up is refused by
 * {@link PosLogReader}.
 */
final class HardenedXmlInputFactory {

    private HardenedXmlInputFactory() {
    }

    static XMLInputFactory create() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new PosLogDocumentException(PosLogDocumentException.Reason.DTD_NOT_ALLOWED, null);
        });
        return factory;
    }
}
