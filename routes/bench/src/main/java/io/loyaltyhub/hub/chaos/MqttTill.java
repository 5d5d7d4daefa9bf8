package io.loyaltyhub.hub.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A till speaking MQTT 3.1.1 to the hub's broker (docs/broker-terminals.md): subscribed to its reply topic,
 * it publishes each transaction at QoS 1 and reads the answer, matched by reference and type. A transaction
 * with no answer in time, a "not-accepted" or "internal-error" rejection, or a lost connection is published
 * again. After a "pending" answer the engine's answer follows on the same topic; the till records it when it
 * comes (while it waits for later transactions' answers).
 */
final class MqttTill extends OnlineTill<String> {
    private final java.util.List<Integer> ports;
    private final String merchant;
    private final TerminalLogin login;
    private final CardBook cards;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Map<String, SwipeRecord> byReference = new HashMap<>();
    private MqttClient client;
    private long sequence;

    MqttTill(String terminal, String merchant, TerminalLogin login, int port, CardBook cards, Notebook notebook,
             SwipePlanner planner, RunControl control) {
        this(terminal, merchant, login, java.util.List.of(port), cards, notebook, planner, control);
    }

    /** @param ports the brokers' MQTT ports, tried in turn at every connect (a primary and its backup) */
    MqttTill(String terminal, String merchant, TerminalLogin login, java.util.List<Integer> ports, CardBook cards,
             Notebook notebook, SwipePlanner planner, RunControl control) {
        super(terminal, notebook, planner, control);
        this.ports = java.util.List.copyOf(ports);
        this.merchant = merchant;
        this.login = login;
        this.cards = cards;
    }

    @Override
    protected Sent<String> prepare(PlannedSwipe swipe) {
        String ref = terminal + "-" + (++sequence);
        SwipeRecord record = new SwipeRecord(Channel.MQTT, terminal, ref, swipe.type().name(), swipe.card(), System.currentTimeMillis());
        byReference.put(ref + "|" + swipe.type().name(), record);
        return new Sent<>(record, HttpTill.body(ref, swipe, cards));
    }

    @Override
    protected Attempt attempt(Sent<String> swipe, boolean repeat) {
        try {
            connect();
            recordLateAnswers();
            client.publish("pos/in/" + merchant + "/" + terminal, swipe.content().getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException e) {
            disconnect();
            return Attempt.retry("connection");
        }
        String key = swipe.record().ref() + "|" + swipe.record().kind();
        long deadline = System.nanoTime() + control.answerTimeout().toNanos();
        Answer pending = null;
        while (System.nanoTime() < deadline) {
            String reply;
            try {
                reply = replies.poll(Math.min(250, (deadline - System.nanoTime()) / 1_000_000 + 1), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Attempt.retry("interrupted");
            }
            if (reply == null) {
                if (client == null || !client.isConnected()) {
                    disconnect();
                    return pending != null ? Attempt.answered(pending) : Attempt.retry("connection");
                }
                continue;
            }
            JsonNode body = JsonAnswers.parse(reply);
            if (!key.equals(body.path("txnRef").asText("") + "|" + body.path("type").asText(""))) {
                recordLateAnswer(body);
                continue;
            }
            Attempt attempt = JsonAnswers.brokerReply(body, System.currentTimeMillis());
            if (attempt instanceof Attempt.Answered answered && answered.answer().kind() == AnswerKind.PENDING) {
                if (!rechecking) {
                    return attempt;
                }
                pending = answered.answer(); // at the end of the run, wait for the engine's answer that follows
                continue;
            }
            return attempt;
        }
        return pending != null ? Attempt.answered(pending) : Attempt.retry("timeout");
    }

    private void connect() throws MqttException {
        if (client != null && client.isConnected()) {
            return;
        }
        disconnect();
        MqttClient fresh = new MqttClient("tcp://127.0.0.1:" + ports.get(0), "chaos-" + terminal + "-" + System.nanoTime(),
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        if (ports.size() > 1) {
            options.setServerURIs(ports.stream().map(p -> "tcp://127.0.0.1:" + p).toArray(String[]::new));
        }
        options.setUserName(login.credentialId());
        options.setPassword(login.secret().toCharArray());
        options.setCleanSession(true);
        options.setConnectionTimeout(2);
        options.setKeepAliveInterval(5);
        options.setAutomaticReconnect(false);
        try {
            fresh.connect(options);
            int granted = fresh.subscribeWithResponse("pos/out/" + merchant + "/" + terminal, 1,
                    (topic, message) -> replies.add(new String(message.getPayload(), StandardCharsets.UTF_8))).getGrantedQos()[0];
            if (granted == 128) {
                throw new MqttException(MqttException.REASON_CODE_NOT_AUTHORIZED);
            }
        } catch (MqttException e) {
            closeQuietly(fresh);
            throw e;
        }
        client = fresh;
    }

    private void recordLateAnswers() {
        String reply;
        while ((reply = replies.poll()) != null) {
            recordLateAnswer(JsonAnswers.parse(reply));
        }
    }

    /** The engine's answer to a transaction this till was told is pending. */
    private void recordLateAnswer(JsonNode body) {
        SwipeRecord record = byReference.get(body.path("txnRef").asText("") + "|" + body.path("type").asText(""));
        Answer answer = JsonAnswers.outcome(body, System.currentTimeMillis());
        if (record != null && answer != null && answer.kind().fromEngine() && record.acknowledgment() != null
                && record.acknowledgment().kind() == AnswerKind.PENDING) {
            record.answered(answer);
        }
    }

    @Override
    protected void disconnect() {
        if (client != null) {
            closeQuietly(client);
            client = null;
        }
    }

    private static void closeQuietly(MqttClient mqtt) {
        try {
            if (mqtt.isConnected()) {
                mqtt.disconnectForcibly(500, 500);
            }
        } catch (MqttException e) {
            // already broken
        }
        try {
            mqtt.close(true);
        } catch (MqttException e) {
            // already closed
        }
    }
}
