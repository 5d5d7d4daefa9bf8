package io.loyaltyhub.hub.broker.terminals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.hub.HubFixture.Merchant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A till speaking MQTT 5 to the hub (Eclipse Paho's v5 client over TCP), reading its replies as JSON. */
final class Mqtt5Terminal implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_MILLIS = 10_000;
    private final MqttAsyncClient client;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

    Mqtt5Terminal(int port, String user, String password) throws MqttException {
        client = new MqttAsyncClient("tcp://127.0.0.1:" + port, "till5-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                replies.add(new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        client.connect(options).waitForCompletion(WAIT_MILLIS);
    }

    static Mqtt5Terminal of(int port, Merchant m) throws MqttException {
        return new Mqtt5Terminal(port, m.till().credentialId(), m.till().secret());
    }

    /** Subscribes at QoS 1; returns the SUBACK's MQTT 5 reason code (0-2 granted QoS, 0x87 = not authorized). */
    int listen(String topic) throws MqttException {
        return reasonCode(client.subscribe(new MqttSubscription(topic, 1)));
    }

    /** Publishes at QoS 1; returns the PUBACK's MQTT 5 reason code (0 = success, 0x87 = not authorized). */
    int publish(String topic, String body) throws MqttException {
        MqttMessage message = new MqttMessage(body.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        return reasonCode(client.publish(topic, message));
    }

    private static int reasonCode(IMqttToken token) throws MqttException {
        try {
            token.waitForCompletion(WAIT_MILLIS);
        } catch (MqttException refused) {
            return refused.getReasonCode();
        }
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    JsonNode nextReply(Duration within) throws Exception {
        String reply = replies.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (reply == null) {
            throw new AssertionError("no reply within " + within);
        }
        return JSON.readTree(reply);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(WAIT_MILLIS);
        }
        client.close();
    }
}
