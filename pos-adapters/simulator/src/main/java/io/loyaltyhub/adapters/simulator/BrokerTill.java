package io.loyaltyhub.adapters.simulator;

import java.time.Duration;

/**
 * The client side of the broker channel: a till logged in to the hub's broker with its own credential, publishing
 * JSON transactions to {@code pos.in.<merchant>.<terminal>} and reading answers from {@code pos.out.<merchant>.<terminal>}.
 */
public interface BrokerTill extends AutoCloseable {

    /** Publishes one transaction body (the HTTP JSON dialect) to the till's ingress address. */
    void send(String json) throws Exception;

    /** The next reply on the till's reply address, or null when none came within the time. */
    String nextReply(Duration within) throws InterruptedException;

    /** Opens a till over "mqtt" or "stomp", already listening on its reply address. */
    static BrokerTill open(String protocol, String host, int port, String merchant, String terminal, String credentialId,
                           String secret) throws Exception {
        return switch (protocol.toLowerCase(java.util.Locale.ROOT)) {
            case "mqtt" -> new BrokerMqttTill(host, port, merchant, terminal, credentialId, secret);
            case "stomp" -> new BrokerStompTill(host, port, merchant, terminal, credentialId, secret);
            default -> throw new IllegalArgumentException("protocol must be mqtt or stomp, not " + protocol);
        };
    }
}
