package io.loyaltyhub.hub.broker.terminals;

import io.loyaltyhub.hub.config.HubSettings;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The hub's own login on its embedded broker. Unless hub.broker.user is configured (so that other hub nodes
 * can share this broker over TCP), it is a fresh random secret at every start that only this process knows.
 */
public record BrokerLogin(String user, String password) {

    public static BrokerLogin forHub(HubSettings settings) {
        String user = settings.text("hub.broker.user");
        if (!user.isBlank()) {
            return new BrokerLogin(user, settings.text("hub.broker.password"));
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new BrokerLogin("hub", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    @Override
    public String toString() {
        return "BrokerLogin[" + user + ", password=***]";
    }
}
