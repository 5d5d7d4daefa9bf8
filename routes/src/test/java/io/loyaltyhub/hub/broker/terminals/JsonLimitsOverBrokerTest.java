package io.loyaltyhub.hub.broker.terminals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 12, item 16, over MQTT: a body over one of the JSON limits is refused as malformed-json, not internal-error. */
@Slow
class JsonLimitsOverBrokerTest {
    private static HubFixture fixture;
    private static Merchant books;

    @BeforeAll
    static void startHub() {
        fixture = HubFixture.start(Map.of(), List.of(new BrokerTerminalsExtension()));
        books = fixture.merchant();
    }

    @AfterAll
    static void stopHub() {
        fixture.close();
    }

    @Test
    void aStringTooLongDeepNestingAndATooLongNumberAreMalformedJsonOverMqtt() throws Exception {
        long purchases = fixture.count("purchase");
        try (MqttTerminal till = MqttTerminal.of(fixture.hub().mqttPort(), books)) {
            till.listen(MqttTerminal.replyTopic(books));
            for (String body : List.of("{\"txnRef\":\"" + "x".repeat(4_097) + "\"}",
                    "{\"txnRef\":\"n\",\"lineItems\":" + "[".repeat(8) + "]".repeat(8) + "}",
                    "{\"txnRef\":\"n\",\"amount\":" + "1".repeat(21) + ",\"currency\":\"EUR\"}")) {
                till.publish(MqttTerminal.ingressTopic(books), body);
                JsonNode reply = till.nextReply(Duration.ofSeconds(10));

                assertThat(reply.get("status").asText()).isEqualTo("rejected");
                assertThat(reply.get("code").asText()).isEqualTo("malformed-json");
            }
        }
        assertThat(fixture.count("purchase")).isEqualTo(purchases);
    }
}
