package io.loyaltyhub.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.hub.config.HubSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the hub's own broker login is decided from its settings (connecting with it: StandaloneBrokerCommandTest). */
class BrokerLoginTest {

    @Test
    void onTheEmbeddedBrokerWithoutAConfiguredUserEachStartHasItsOwnRandomSecret() {
        HubSettings embedded = HubSettings.load(null, Map.of());

        BrokerLogin first = BrokerLogin.forHub(embedded);
        BrokerLogin second = BrokerLogin.forHub(embedded);

        assertThat(first.user()).isEqualTo("hub");
        assertThat(first.password()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(second.password());
        assertThat(first.toString()).doesNotContain(first.password());
    }

    @Test
    void aConfiguredUserIsUsedOnEitherBroker() {
        Map<String, String> login = Map.of("hub.broker.user", "nodes", "hub.broker.password", "s3cret");

        assertThat(BrokerLogin.forHub(HubSettings.load(null, login))).isEqualTo(new BrokerLogin("nodes", "s3cret"));
        Map<String, String> external = new java.util.HashMap<>(login);
        external.put("hub.broker.url", "tcp://127.0.0.1:61616");
        assertThat(BrokerLogin.forHub(HubSettings.load(null, external))).isEqualTo(new BrokerLogin("nodes", "s3cret"));
    }

    @Test
    void anExternalBrokerWithoutAConfiguredUserGetsItsDefaultLogin() {
        BrokerLogin login = BrokerLogin.forHub(HubSettings.load(null, Map.of("hub.broker.url", "tcp://127.0.0.1:61616")));

        assertThat(login.user()).isBlank();
    }
}
