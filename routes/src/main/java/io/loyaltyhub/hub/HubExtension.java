package io.loyaltyhub.hub;

import io.loyaltyhub.hub.config.HubSettings;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/**
 * A channel that plugs its routes into the hub (HTTP JSON, ISO 8583, POSLog, CSV, broker terminals, merchant reports):
 * it gets the {@link ChannelPorts} and nothing else.
 */
public interface HubExtension {
    /**
     * Reads the channel's own settings, typed, and refuses bad values with a message naming the setting. Called for
     * every channel before the hub opens anything, so a wrong setting stops the start at once.
     */
    void checkSettings(HubSettings settings);

    List<RoutesBuilder> routes(ChannelPorts ports);
}
