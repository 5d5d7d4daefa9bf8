package io.loyaltyhub.hub.broker.terminals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.hub.HubFixture.Merchant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A till speaking MQTT 3.1.1 to the hub (Eclipse Paho over TCP), reading its replies as JSON. */
public final class MqttTerminal implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MqttClient client;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

    public MqttTerminal(int port, String user, String password) throws MqttException {
        client = new MqttClient("tcp://127.0.0.1:" + port, "till-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(user);
        options.setPassword(password.toCharArray());
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        client.connect(options);
    }

    public static MqttTerminal of(int port, Merchant m) throws MqttException {
        return new MqttTerminal(port, m.till().credentialId(), m.till().secret());
    }

    public static String ingressTopic(Merchant m) {
        return "pos/in/" + m.code() + "/" + m.till().terminalCode();
    }

    public static String replyTopic(Merchant m) {
        return "pos/out/" + m.code() + "/" + m.till().terminalCode();
    }

    /** Subscribes to a reply topic; returns the granted QoS (128 = refused). */
    public int listen(String topic) throws MqttException {
        return client.subscribeWithResponse(topic, 1, (t, message) ->
                replies.add(new String(message.getPayload(), StandardCharsets.UTF_8))).getGrantedQos()[0];
    }

    public void publish(String topic, String body) throws MqttException {
        client.publish(topic, body.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    void publishRetained(String topic, String body) throws MqttException {
        client.publish(topic, body.getBytes(StandardCharsets.UTF_8), 1, true);
    }

    public JsonNode nextReply(Duration within) throws Exception {
        String reply = replies.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (reply == null) {
            throw new AssertionError("no reply within " + within);
        }
        return JSON.readTree(reply);
    }

    public String pollReply(Duration within) throws InterruptedException {
        return replies.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
