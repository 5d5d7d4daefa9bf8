package io.loyaltyhub.hub.broker.terminals;

import io.loyaltyhub.adapters.json.JsonSwipeCodec;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.ChannelPorts;
import io.loyaltyhub.hub.config.HubSettings;
import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broker-native terminals (MQTT, AMQP, STOMP), see docs/broker-terminals.md. The embedded broker's acceptors and
 * security are set up with the broker ({@link TerminalBrokerSetup}, {@link TerminalBrokerSecurity}); this adds the
 * hub's edge that takes the terminals' messages off the broker, as a service of the hub's Camel context so that it
 * starts and stops with it. With an external broker the terminals connect to that broker, whose security the
 * operator sets up from {@code broker-terminal-security} ({@link ExternalBrokerSecurity}), and the hub only consumes
 * their messages and sends the replies.
 */
public final class BrokerTerminalsExtension implements HubExtension {
    private static final Logger log = LoggerFactory.getLogger(BrokerTerminalsExtension.class);

    @Override
    public void checkSettings(HubSettings settings) {
        BrokerTerminalSettings.from(settings);
    }

    @Override
    public List<RoutesBuilder> routes(ChannelPorts ports) {
        HubSettings settings = ports.settings();
        boolean external = !settings.embeddedBroker();
        BrokerTerminalSettings terminals = BrokerTerminalSettings.from(settings);
        JsonSwipeCodec codec = new JsonSwipeCodec(ports.cardReader(), ports.clock());
        // The directory caches this look-up for hub.terminal-cache.ttl-seconds, as for HTTP: a terminal the operator
        // disables stops being served within that time even while its broker connection stays open. Deliberately
        // across merchants: the pair comes from the broker login.
        IngressCheck check = new IngressCheck(ports.terminals()::findTerminalAcrossMerchants, codec,
                terminals.maxMessageBytes());
        TerminalIngress ingress = new TerminalIngress(ports.brokerConnections(), check, codec, ports.intake(),
                terminals.replyTimeout(), terminals.consumers(), terminals.maxMessageBytes());
        TerminalBrokerSetup setup = TerminalBrokerSetup.fromSettings(settings);
        return List.of(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                getContext().addService(ingress, true, true);
                if (external) {
                    log.info("broker terminals: taking their messages off the external broker (its terminal security: "
                            + "loyalty-hub broker-terminal-security)");
                    return;
                }
                setup.acceptors().forEach(a -> log.info("broker terminals: {} on {}:{}", a.protocol(), setup.host(),
                        ports.brokerPorts().port(a.protocol().toLowerCase(java.util.Locale.ROOT))));
            }
        });
    }
}
