package io.loyaltyhub.hub.broker.terminals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.adapters.simulator.BrokerTill;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import io.loyaltyhub.hub.broker.BrokerAddresses;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Broker-native terminals against a real hub: real MQTT, AMQP and STOMP clients over TCP to the embedded Artemis. */
@Slow
class BrokerTerminalsTest {
    private static final Duration REPLY = Duration.ofSeconds(10);
    private static final AtomicLong SERIALS = new AtomicLong(5_000);
    private static final ObjectMapper JSON = new ObjectMapper();
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
        return fixture.brokerTerminalPort(protocol);
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

    @Test
    void anMqtt5TerminalSubscribesPublishesAndIsAnsweredLikeAnMqtt311One() throws Exception {
        String card = HubFixture.card(SERIALS.incrementAndGet());
        try (Mqtt5Terminal till = Mqtt5Terminal.of(port("mqtt"), pharma)) {
            assertThat(till.listen(MqttTerminal.replyTopic(pharma))).as("SUBACK reason code: QoS 1 granted").isEqualTo(1);
            assertThat(till.publish(MqttTerminal.ingressTopic(pharma), sale("mq5-1", card, 4_200))).as("PUBACK reason code").isZero();

            JsonNode reply = till.nextReply(REPLY);
            assertThat(reply.get("status").asText()).isEqualTo("approved");
            assertThat(reply.get("txnRef").asText()).isEqualTo("mq5-1");
            assertThat(reply.get("points").asLong()).isEqualTo(42);
        }
        assertThat(fixture.balanceOf(card)).isEqualTo(42);
    }

    @Test
    void anMqtt5TerminalIsStillRefusedAnotherTerminalsTopics() throws Exception {
        try (Mqtt5Terminal till = Mqtt5Terminal.of(port("mqtt"), pharma)) {
            assertThat(till.listen(MqttTerminal.replyTopic(books))).as("not authorized").isEqualTo(0x87);
            assertThat(till.publish(MqttTerminal.ingressTopic(books), sale("mq5-x", HubFixture.card(SERIALS.incrementAndGet()), 100)))
                    .as("not authorized").isEqualTo(0x87);
        }
    }

    @Test
    void anAmqpSaleIsCreditedAndAnsweredOnTheTerminalsReplyAddress() throws Exception {
        String card = HubFixture.card(SERIALS.incrementAndGet());
        JmsConnectionFactory amqp = new JmsConnectionFactory("amqp://127.0.0.1:" + port("amqp"));
        try (Connection connection = amqp.createConnection(pharma.till().credentialId(), pharma.till().secret())) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer replies = session.createConsumer(session.createTopic("pos.out." + pharma.code() + ".T1"));
            MessageProducer till = session.createProducer(session.createTopic("pos.in." + pharma.code() + ".T1"));
            connection.start();
            TextMessage swipe = session.createTextMessage(sale("amqp-1", card, 2_000));
            // A client cannot pass itself off as someone else: the broker replaces this with the real login.
            swipe.setStringProperty(SenderStamp.SENDER, books.code() + ".T1");
            till.send(swipe);

            TextMessage reply = (TextMessage) replies.receive(REPLY.toMillis());
            assertThat(reply).as("reply").isNotNull();
            JsonNode answer = JSON.readTree(reply.getText());
            assertThat(answer.get("status").asText()).isEqualTo("approved");
            assertThat(answer.get("points").asLong()).isEqualTo(20);
        }
        assertThat(fixture.balanceOf(card)).isEqualTo(20);
    }

    @Test
    void aStompSaleIsCreditedAndTheSameSaleAgainIsAnsweredAsADuplicate() throws Exception {
        String card = HubFixture.card(SERIALS.incrementAndGet());
        try (BrokerTill till = BrokerTill.open("stomp", "127.0.0.1", port("stomp"), books.code(), "T1",
                books.till().credentialId(), books.till().secret())) {
            till.send(sale("stomp-1", card, 5_000));
            JsonNode first = JSON.readTree(till.nextReply(REPLY));
            till.send(sale("stomp-1", card, 5_000));
            JsonNode second = JSON.readTree(till.nextReply(REPLY));

            assertThat(first.get("points").asLong()).isEqualTo(50);
            assertThat(first.get("duplicate").asBoolean()).isFalse();
            assertThat(second.get("points").asLong()).isEqualTo(50);
            assertThat(second.get("duplicate").asBoolean()).isTrue();
        }
        assertThat(fixture.balanceOf(card)).isEqualTo(50);
    }

    @Test
    void aBadMessageGetsACodedRejectionIsDeadLetteredRedactedAndCreditsNothing() throws Exception {
        String card = HubFixture.card(SERIALS.incrementAndGet());
        String wrongCheckDigit = card.substring(0, 15) + ((card.charAt(15) - '0' + 1) % 10);
        long purchases = fixture.count("purchase");
        try (MqttTerminal till = MqttTerminal.of(port("mqtt"), books)) {
            till.listen(MqttTerminal.replyTopic(books));
            till.publish(MqttTerminal.ingressTopic(books), "this is not json " + card);
            JsonNode garbage = till.nextReply(REPLY);
            till.publish(MqttTerminal.ingressTopic(books), sale("bad-1", wrongCheckDigit, 1_000));
            JsonNode badCard = till.nextReply(REPLY);
            till.publish(MqttTerminal.ingressTopic(books), "{\"txnRef\":\"bad-2\",\"cardNumber\":\"" + card
                    + "\",\"amount\":100,\"currency\":\"EUR\",\"merchantId\":1}");
            JsonNode unknownField = till.nextReply(REPLY);

            assertThat(garbage.get("status").asText()).isEqualTo("rejected");
            assertThat(garbage.get("code").asText()).isEqualTo("malformed-json");
            assertThat(badCard.get("code").asText()).isEqualTo("card-number-check-digit");
            assertThat(badCard.get("txnRef").asText()).isEqualTo("bad-1");
            assertThat(badCard.get("type").asText()).isEqualTo("urn:loyalty-hub:problem:card-number-check-digit");
            assertThat(unknownField.get("code").asText()).isEqualTo("unknown-field");
        }
        assertThat(fixture.count("purchase")).isEqualTo(purchases);

        List<TextMessage> kept = deadLetters("hub_original_address = 'pos.in." + books.code() + ".T1'", 3);
        assertThat(kept).extracting(m -> m.getStringProperty(TerminalReplies.ERROR_CODE))
                .containsExactlyInAnyOrder("malformed-json", "card-number-check-digit", "unknown-field");
        for (TextMessage m : kept) {
            assertThat(m.getText()).doesNotContain(card).doesNotContain(wrongCheckDigit);
            assertThat(m.getStringProperty(TerminalReplies.REASON)).isNotBlank();
            assertThat(m.getStringProperty(TerminalReplies.SENDER)).isEqualTo(books.code() + ".T1");
        }
        assertThat(kept).extracting(TextMessage::getText).anySatisfy(text ->
                assertThat(text).contains("\"txnRef\":\"bad-1\"").contains("****" + wrongCheckDigit.substring(12)));
    }

    @Test
    void aTerminalCredentialIsNoGoodOnTheCorePort() {
        String core = "tcp://127.0.0.1:" + fixture.hub().embeddedBrokerPort();
        assertThatThrownBy(() -> new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(core)
                .createConnection(books.till().credentialId(), books.till().secret()).close())
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aWrongSecretCannotLogInOverAnyProtocol() {
        assertThatThrownBy(() -> new MqttTerminal(port("mqtt"), books.till().credentialId(), "wrong").close())
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                        .isIn((int) MqttException.REASON_CODE_FAILED_AUTHENTICATION, (int) MqttException.REASON_CODE_NOT_AUTHORIZED));
        assertThatThrownBy(() -> new JmsConnectionFactory("amqp://127.0.0.1:" + port("amqp"))
                .createConnection(books.till().credentialId(), "wrong").start())
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> BrokerTill.open("stomp", "127.0.0.1", port("stomp"), books.code(), "T1",
                books.till().credentialId(), "wrong").close())
                .hasMessageContaining("ERROR");
    }

    @Test
    void aTerminalCanNeitherPublishToNorReadAnotherTerminalsAddresses() throws Exception {
        String card = HubFixture.card(SERIALS.incrementAndGet());
        try (MqttTerminal intruder = MqttTerminal.of(port("mqtt"), books)) {
            assertThat(intruder.listen(MqttTerminal.replyTopic(pharma))).isEqualTo(128);
        }
        try (MqttTerminal intruder = MqttTerminal.of(port("mqtt"), books)) {
            assertThatThrownBy(() -> intruder.publish(MqttTerminal.ingressTopic(pharma), sale("steal-1", card, 1_000)))
                    .isInstanceOf(MqttException.class);
            assertThat(intruder.isConnected()).isFalse();
        }
        // The refusal happens at the broker before routing: had it slipped through, pharma's own next swipe would
        // queue behind it on the same edge, so once that is answered the stolen one would be visible too.
        try (MqttTerminal owner = MqttTerminal.of(port("mqtt"), pharma)) {
            owner.listen(MqttTerminal.replyTopic(pharma));
            owner.publish(MqttTerminal.ingressTopic(pharma), sale("own-1", card, 1_000));
            assertThat(owner.nextReply(REPLY).get("txnRef").asText()).isEqualTo("own-1");
        }
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE txn_ref = 'steal-1'")).isZero();
    }

    @Test
    void aRetainedPublishIsRefusedBecauseTheBrokerWouldStoreIt() throws Exception {
        String card = HubFixture.card(SERIALS.incrementAndGet());
        try (MqttTerminal till = MqttTerminal.of(port("mqtt"), books)) {
            assertThatThrownBy(() -> till.publishRetained(MqttTerminal.ingressTopic(books), sale("retain-1", card, 1_000)))
                    .isInstanceOf(MqttException.class);
            assertThat(till.isConnected()).isFalse();
        }
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE txn_ref = 'retain-1'")).isZero();
        assertThat(brokerFilesContain(card)).isFalse();
    }

    @Test
    void aMessageOnATerminalsAddressFromAnyoneButThatTerminalIsRejected() throws Exception {
        String card = HubFixture.card(SERIALS.incrementAndGet());
        // Only the hub's own login may publish to a terminal's address besides the terminal; the edge still refuses it.
        try (Connection hub = fixture.hub().openBrokerConnection()) {
            Session session = hub.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createTopic("pos.in." + pharma.code() + ".T1"))
                    .send(session.createTextMessage(sale("spoof-1", card, 1_000)));
        }
        List<TextMessage> kept = deadLetters("hub_original_address = 'pos.in." + pharma.code() + ".T1' AND "
                + TerminalReplies.ERROR_CODE + " = 'sender-not-address-owner'", 1);
        assertThat(kept.get(0).getText()).contains("spoof-1").doesNotContain(card);
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE txn_ref = 'spoof-1'")).isZero();
    }

    @Test
    void cardNumbersNeverReachTheBrokersFilesWhileRedactedDeadLettersDo() throws Exception {
        String accepted = HubFixture.card(SERIALS.incrementAndGet());
        String rejected = HubFixture.card(SERIALS.incrementAndGet());
        try (MqttTerminal mqtt = MqttTerminal.of(port("mqtt"), books);
             BrokerTill stomp = BrokerTill.open("stomp", "127.0.0.1", port("stomp"), pharma.code(), "T1",
                     pharma.till().credentialId(), pharma.till().secret())) {
            mqtt.listen(MqttTerminal.replyTopic(books));
            mqtt.publish(MqttTerminal.ingressTopic(books), sale("scan-1", accepted, 1_000));
            assertThat(mqtt.nextReply(REPLY).get("status").asText()).isEqualTo("approved");
            stomp.send("{\"txnRef\":\"scan-dead-1\",\"cardNumber\":\"" + rejected + "\",\"amount\":-1,\"currency\":\"EUR\"}");
            assertThat(JSON.readTree(stomp.nextReply(REPLY)).get("code").asText()).isEqualTo("invalid-amount");
        }
        deadLetters(TerminalReplies.ERROR_CODE + " = 'invalid-amount'", 1);

        assertThat(brokerFilesContain("scan-dead-1")).as("the redacted dead letter is on disk").isTrue();
        assertThat(brokerFilesContain(accepted)).isFalse();
        assertThat(brokerFilesContain(rejected)).isFalse();
    }

    /** Takes (and so removes) the dead letters matching a selector, waiting for as many as expected. */
    private static List<TextMessage> deadLetters(String selector, int expected) throws Exception {
        List<TextMessage> found = new ArrayList<>();
        try (Connection hub = fixture.hub().openBrokerConnection()) {
            Session session = hub.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(BrokerAddresses.DEAD_LETTERS), selector);
            hub.start();
            while (found.size() < expected) {
                TextMessage m = (TextMessage) consumer.receive(REPLY.toMillis());
                assertThat(m).as("dead letter %d of %d for %s", found.size() + 1, expected, selector).isNotNull();
                m.getText();
                found.add(m);
            }
        }
        return found;
    }

    /** Whether any file of the embedded broker holds the text, as UTF-8 (MQTT, AMQP) or UTF-16 (core text bodies). */
    private static boolean brokerFilesContain(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16LE);
        try (Stream<Path> files = Files.walk(fixture.dataDir().resolve("broker"))) {
            return files.filter(Files::isRegularFile).anyMatch(f -> {
                try {
                    byte[] content = Files.readAllBytes(f);
                    return indexOf(content, utf8) >= 0 || indexOf(content, utf16) >= 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
