package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.LoyaltyHub;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/** Plugs the ISO 8583 listeners configured in {@code hub.iso8583.listeners} into the running hub. */
public final class Iso8583Extension implements HubExtension {

    @Override
    public List<RoutesBuilder> routes(LoyaltyHub hub) {
        List<Iso8583ListenerSettings> configured = Iso8583Settings.listeners(hub.settings());
        if (configured.isEmpty()) {
            return List.of();
        }
        TerminalMacKeys macKeys = new JdbcTerminalMacKeys(hub.database(), hub.keys().masterKey(), Clock.systemUTC(),
                Duration.ofSeconds(hub.settings().integer("hub.terminal-cache.ttl-seconds")));
        List<Iso8583Listener> listeners = configured.stream()
                .map(settings -> Iso8583Listener.create(settings, hub.terminals(), macKeys, hub.cardReader(), hub.gateway(),
                        Clock.systemUTC()))
                .toList();
        return List.of(new Iso8583Routes(listeners));
    }
}
