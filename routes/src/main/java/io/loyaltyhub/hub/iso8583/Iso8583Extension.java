package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.adapters.iso8583.Framing;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.ChannelPorts;
import io.loyaltyhub.hub.config.HubSettings;
import java.time.Duration;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/** Plugs the ISO 8583 listeners configured in {@code hub.iso8583.listeners} into the running hub. */
public final class Iso8583Extension implements HubExtension {
    private List<Iso8583Listener> listeners = List.of();
    private Iso8583Routes routes;

    @Override
    public void checkSettings(HubSettings settings) {
        Iso8583Settings.listeners(settings);
    }

    @Override
    public List<RoutesBuilder> routes(ChannelPorts ports) {
        List<Iso8583ListenerSettings> configured = Iso8583Settings.listeners(ports.settings());
        if (configured.isEmpty()) {
            listeners = List.of();
            routes = null;
            return List.of();
        }
        TerminalMacKeys macKeys = new JdbcTerminalMacKeys(ports.database(), ports.keys().masterKey(), ports.clock(),
                Duration.ofSeconds(ports.settings().integer("hub.terminal-cache.ttl-seconds")));
        listeners = configured.stream()
                .map(settings -> Iso8583Listener.create(settings, ports.terminals(), macKeys, ports.cardReader(), ports.clock()))
                .toList();
        routes = new Iso8583Routes(listeners);
        return List.of(new Iso8583Errors(), routes);
    }

    /**
     * The port the hub's one listener of this framing listens on (the configured port, or the one the operating
     * system chose for port 0).
     *
     * @throws IllegalStateException when the running hub has no listener of this framing, or more than one
     */
    public int listeningPort(Framing framing) {
        List<Iso8583Listener> matching = listeners.stream().filter(l -> l.settings().framing() == framing).toList();
        if (matching.size() != 1) {
            throw new IllegalStateException("the hub has " + matching.size() + " ISO 8583 listeners of framing " + framing
                    + ", not one");
        }
        return routes.listeningPort(matching.get(0).settings().name());
    }
}
