package io.loyaltyhub.hub;

import java.util.List;
import org.apache.camel.RoutesBuilder;

/** A channel that plugs its routes into the hub (ISO 8583, POSLog, CSV, merchant reports...). */
public interface HubExtension {
    List<RoutesBuilder> routes(LoyaltyHub hub);
}
