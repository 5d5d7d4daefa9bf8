package io.loyaltyhub.hub.broker.terminals;

import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import org.apache.activemq.artemis.core.protocol.mqtt.MQTTInterceptor;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses MQTT retained messages (a retained PUBLISH, or a CONNECT whose will is retained). Artemis keeps a
 * retained message in a durable queue of its own, which would put a card number in the journal. Refusing makes
 * Artemis close the connection, the MQTT 3.1.1 way of saying "not allowed".
 */
public final class RetainedPublishRefusal implements MQTTInterceptor {
    private static final Logger log = LoggerFactory.getLogger(RetainedPublishRefusal.class);

    @Override
    public boolean intercept(MqttMessage packet, RemotingConnection connection) {
        boolean retained = packet.fixedHeader().messageType() == MqttMessageType.PUBLISH && packet.fixedHeader().isRetain()
                || packet instanceof MqttConnectMessage connect && connect.variableHeader().isWillRetain();
        if (retained) {
            log.warn("MQTT client at {} sent a retained message; connection closed (retained messages are not accepted)",
                    connection.getRemoteAddress());
        }
        return !retained;
    }
}
