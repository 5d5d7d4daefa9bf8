package io.loyaltyhub.adapters.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A till speaking MQTT 3.1.1 (Eclipse Paho): publishes at QoS 1 to pos/in/m/t, subscribes to pos/out/m/t. */
final class BrokerMqttTill implements BrokerTill {
    private final MqttClient client;
    private final String ingress;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

    BrokerMqttTill(String host, int port, String merchant, String terminal, String credentialId, String secret)
            throws MqttException {
        client = new MqttClient("tcp://" + host + ":" + port, "till-" + merchant + "-" + terminal + "-" + System.nanoTime(),
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(credentialId);
        options.setPassword(secret.toCharArray());
        options.setCleanSession(true);
        options.setConnectionTimeout(10);
        client.connect(options);
        ingress = "pos/in/" + merchant + "/" + terminal;
        int granted = client.subscribeWithResponse("pos/out/" + merchant + "/" + terminal, 1,
                (topic, message) -> replies.add(new String(message.getPayload(), StandardCharsets.UTF_8))).getGrantedQos()[0];
        if (granted == 128) {
            throw new IllegalStateException("the broker refused the subscription to this till's reply topic");
        }
    }

    @Override
    public void send(String json) throws MqttException {
        client.publish(ingress, json.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    @Override
    public String nextReply(Duration within) throws InterruptedException {
        return replies.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
