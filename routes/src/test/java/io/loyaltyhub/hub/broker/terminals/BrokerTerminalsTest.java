package io.loyaltyhub.hub.broker.terminals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Broker-native terminals against a real hub: real MQTT, AMQP and STOMP clients over TCP to the embedded Artemis. */
class BrokerTerminalsTest {
    private static final Duration REPLY = Duration.ofSeconds(10);
    private static final AtomicLong SERIALS = new AtomicLong(5_000);
    private static HubFixture fixture;
    private static Merchant books;
    private static Merchant pharma;

    @BeforeAll
    static void startHub() {
        fixture = HubFixture.start(Map.of(), List.of(new BrokerTerminalsExtension()));
        books = fixture.merchant();
        pharma = fixture.merchant();
    }

    @AfterAll
    static void stopHub() {
        fixture.close();
    }

    static int port(String protocol) {
        return fixture.hub().settings().integer("hub.broker." + protocol + ".port");
    }

    static String sale(String ref, String card, long amount) {
        return "{\"txnRef\":\"" + ref + "\",\"type\":\"SALE\",\"cardNumber\":\"" + card + "\",\"amount\":" + amount
                + ",\"currency\":\"EUR\",\"occurredAt\":\"2026-11-23T10:15:30+01:00\"}";
    }

    @Test
    void anMqttSaleIsCreditedAndAnsweredOnTheTerminalsReplyTopic() throws Exception {
        String card = HubFixture.card(SERIALS.incrementAndGet());
        try (MqttTerminal till = MqttTerminal.of(port("mqtt"), books)) {
            assertThat(till.listen(MqttTerminal.replyTopic(books))).isEqualTo(1);
            till.publish(MqttTerminal.ingressTopic(books), sale("mq-1", card, 12_345));

            JsonNode reply = till.nextReply(REPLY);
            assertThat(reply.get("status").asText()).isEqualTo("approved");
            assertThat(reply.get("txnRef").asText()).isEqualTo("mq-1");
            assertThat(reply.get("points").asLong()).isEqualTo(123);
            assertThat(reply.get("balance").asLong()).isEqualTo(123);
            assertThat(reply.get("card").asText()).isEqualTo("****" + card.substring(12));
        }
        assertThat(fixture.balanceOf(card)).isEqualTo(123);
    }
}
