package io.loyaltyhub.hub.broker;

import io.loyaltyhub.hub.config.HubSettings;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The hub's own login on its broker, decided once at start ({@link #forHub}), and the one way the hub's broker
 * clients (the engine, the gateway, the health probe, tests' connections) turn it into a connection ({@link #connect}).
 */
public record BrokerLogin(String user, String password) {

    /**
     * {@code hub.broker.user} and {@code hub.broker.password} when a user is configured (an external broker, or an
     * embedded one other hub nodes share over TCP). Otherwise, on the embedded broker, a fresh random secret at every
     * start that only this process knows; on an external broker, its default login (a blank user).
     */
    public static BrokerLogin forHub(HubSettings settings) {
        String user = settings.text("hub.broker.user");
        if (!user.isBlank() || !settings.embeddedBroker()) {
            return new BrokerLogin(user, settings.text("hub.broker.password"));
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new BrokerLogin("hub", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** A new, not yet started connection under this login (the broker's default login when the user is blank). */
    public Connection connect(ConnectionFactory factory) throws JMSException {
        return user.isBlank() ? factory.createConnection() : factory.createConnection(user, password);
    }

    @Override
    public String toString() {
        return "BrokerLogin[" + user + ", password=***]";
    }
}
