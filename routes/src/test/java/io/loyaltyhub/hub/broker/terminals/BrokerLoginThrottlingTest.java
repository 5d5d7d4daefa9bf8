package io.loyaltyhub.hub.broker.terminals;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Broker-native terminal logins (MQTT here; AMQP and STOMP go through the same security manager) share the hub's
 * failed-login throttle with HTTP: wrong secrets lock the credential out, and while it is locked out even the right
 * secret is refused without being looked at.
 */
@Slow
class BrokerLoginThrottlingTest {
    private static HubFixture fixture;

    @BeforeAll
    static void startHub() {
        // Every login here comes from 127.0.0.1: the address lockout is tested on its own (LoginThrottleTest).
        fixture = HubFixture.start(Map.of("hub.auth.address-failures-before-lockout", "0"),
                List.of(new BrokerTerminalsExtension()));
    }

    @AfterAll
    static void stopHub() {
        fixture.close();
    }

    private static int mqttPort() {
        return fixture.hub().mqttPort();
    }

    @Test
    void fiveWrongSecretsOverMqttLockTheTerminalOutOfMqttAndHttpUntilTheLockoutEnds() throws Exception {
        Merchant shop = fixture.merchant();
        String credential = shop.till().credentialId();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> new MqttTerminal(mqttPort(), credential, "wrong").close())
                    .isInstanceOf(MqttException.class);
        }

        assertThatThrownBy(() -> MqttTerminal.of(mqttPort(), shop).close()).as("the right secret, while locked out")
                .isInstanceOf(MqttException.class);
        String sale = "{\"txnRef\":\"t-1\",\"type\":\"SALE\",\"cardNumber\":\"" + HubFixture.card(960_001)
                + "\",\"amount\":1000,\"currency\":\"EUR\",\"occurredAt\":\"2026-11-23T10:15:30+01:00\"}";
        org.assertj.core.api.Assertions.assertThat(fixture.swipe(shop, sale).statusCode()).as("HTTP too").isEqualTo(429);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    MqttTerminal.of(mqttPort(), shop).close();
                    return true;
                });
    }
}
