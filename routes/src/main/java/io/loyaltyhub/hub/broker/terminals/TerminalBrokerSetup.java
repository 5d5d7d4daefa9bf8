package io.loyaltyhub.hub.broker.terminals;

import io.loyaltyhub.hub.config.HubSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * What the embedded broker needs for broker-native terminals: one acceptor per protocol (each port a setting,
 * an empty value switches it off), address settings that keep ingress messages in memory only, and the
 * security settings for the hub and terminal roles. docs/broker-terminals.md explains each choice.
 */
public final class TerminalBrokerSetup {
    /** Where an ingress message would go after failed deliveries: nothing is bound there, so it is dropped, never stored. */
    static final String INGRESS_DISCARD = "hub.pos-in.discarded";
    /** Expired replies go nowhere either (an answer is had again by re-sending the transaction). */
    static final String REPLY_DISCARD = "hub.pos-out.discarded";
    private static final long INGRESS_BYTES_PER_TERMINAL = 4L * 1024 * 1024;
    private static final long REPLY_BYTES_PER_TERMINAL = 1024L * 1024;

    /** One terminal-facing acceptor: its protocol and the port it listens on. */
    public record TerminalAcceptor(String protocol, int port) {
    }

    private final String host;
    private final List<TerminalAcceptor> acceptors;

    private TerminalBrokerSetup(String host, List<TerminalAcceptor> acceptors) {
        this.host = host;
        this.acceptors = List.copyOf(acceptors);
    }

    public static TerminalBrokerSetup fromSettings(HubSettings settings) {
        List<TerminalAcceptor> acceptors = new ArrayList<>();
        for (String protocol : List.of("MQTT", "AMQP", "STOMP")) {
            String key = "hub.broker." + protocol.toLowerCase(java.util.Locale.ROOT) + ".port";
            if (!settings.text(key).isBlank()) {
                acceptors.add(new TerminalAcceptor(protocol, settings.integer(key)));
            }
        }
        return new TerminalBrokerSetup(settings.text("hub.broker.terminals.host"), acceptors);
    }

    public List<TerminalAcceptor> acceptors() {
        return acceptors;
    }

    public String host() {
        return host;
    }

    public void configure(Configuration config) throws Exception {
        for (TerminalAcceptor a : acceptors) {
            config.addAcceptorConfiguration(a.protocol().toLowerCase(java.util.Locale.ROOT),
                    "tcp://" + host + ":" + a.port() + "?protocols=" + a.protocol() + protocolParameters(a.protocol()));
        }
        config.registerBrokerPlugin(new SenderStamp());
        // Artemis caches a login by user and password alone, which would let a terminal credential that logged in
        // over MQTT in again over the core protocol; the terminal directory has its own cache.
        config.setAuthenticationCacheSize(0);
        config.getIncomingInterceptorClassNames().add(RetainedPublishRefusal.class.getName());

        // Memory only: no queue on an ingress address is durable, none is created by a sender, and a full
        // address refuses messages instead of paging them to disk.
        config.addAddressSetting(TerminalAddress.ALL_INGRESS, new AddressSettings()
                .setDefaultAddressRoutingType(RoutingType.MULTICAST)
                .setAutoCreateAddresses(true)
                .setAutoDeleteAddresses(true)
                .setAutoCreateQueues(false)
                .setMaxSizeBytes(INGRESS_BYTES_PER_TERMINAL)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.FAIL)
                .setDeadLetterAddress(SimpleString.of(INGRESS_DISCARD))
                .setExpiryAddress(SimpleString.of(INGRESS_DISCARD))
                .setAutoCreateDeadLetterResources(false)
                .setAutoCreateExpiryResources(false));
        // Replies carry no card data. A terminal that stops reading cannot fill the broker: past the bound, new replies
        // are dropped (the terminal gets its answer again by re-sending the transaction).
        config.addAddressSetting(TerminalAddress.ALL_REPLIES, new AddressSettings()
                .setDefaultAddressRoutingType(RoutingType.MULTICAST)
                .setAutoCreateAddresses(true)
                .setAutoDeleteAddresses(true)
                .setAutoCreateQueues(true)
                .setMaxSizeBytes(REPLY_BYTES_PER_TERMINAL)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.DROP)
                .setExpiryAddress(SimpleString.of(REPLY_DISCARD))
                .setAutoCreateExpiryResources(false));

        config.putSecurityRoles("#", Set.of(hubRole()));
        config.putSecurityRoles(TerminalAddress.ALL_INGRESS, Set.of(hubRole(),
                role(TerminalBrokerSecurity.TERMINAL_ROLE, true, false, false, false, true)));
        config.putSecurityRoles(TerminalAddress.ALL_REPLIES, Set.of(hubRole(),
                role(TerminalBrokerSecurity.TERMINAL_ROLE, false, true, true, true, true)));
    }

    private static String protocolParameters(String protocol) {
        // -1: never turn a message into a "large message", which Artemis writes to a file whatever its durability.
        return switch (protocol) {
            case "AMQP" -> ";amqpMinLargeMessageSize=-1";
            case "STOMP" -> ";stompMinLargeMessageSize=-1";
            default -> "";
        };
    }

    private static Role hubRole() {
        return new Role(TerminalBrokerSecurity.HUB_ROLE, true, true, true, true, true, true, true, true, true, true, true, true);
    }

    private static Role role(String name, boolean send, boolean consume, boolean durableQueue, boolean nonDurableQueue,
                             boolean createAddress) {
        return new Role(name, send, consume, durableQueue, durableQueue, nonDurableQueue, nonDurableQueue, false, false,
                createAddress, false, false, false);
    }
}
