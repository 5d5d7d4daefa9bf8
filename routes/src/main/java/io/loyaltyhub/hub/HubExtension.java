package io.loyaltyhub.hub;

import java.util.List;
import org.apache.camel.RoutesBuilder;

/**
 * A channel that plugs its routes into the hub (HTTP JSON, ISO 8583, POSLog, CSV, broker terminals, merchant reports):
 * it gets the {@link ChannelPorts} and nothing else.
 */
public interface HubExtension {
    List<RoutesBuilder> routes(ChannelPorts ports);
}
