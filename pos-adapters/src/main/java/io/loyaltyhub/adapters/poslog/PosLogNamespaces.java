package io.loyaltyhub.adapters.poslog;

import java.util.Set;

/** The ARTS IXRetail namespaces the hub accepts: the 2.x family and the 6.x family. */
final class PosLogNamespaces {

    static final String ARTS_2 = "http://www.nrf-arts.org/IXRetail/namespace/";
    static final String ARTS_6 = "http://www.nrf-arts.org/IXRetail/v6.0.0/poslog";

    private static final Set<String> ACCEPTED = Set.of(ARTS_2, ARTS_6);

    private PosLogNamespaces() {
    }

    static boolean isArts(String namespaceUri) {
        return namespaceUri != null && ACCEPTED.contains(namespaceUri);
    }
}
