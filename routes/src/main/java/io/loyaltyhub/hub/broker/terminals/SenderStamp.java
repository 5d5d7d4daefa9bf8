package io.loyaltyhub.hub.broker.terminals;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerPlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;

/**
 * Stamps every message sent to an ingress address with the login the broker authenticated for the sending session
 * ({@value #SENDER}), replacing whatever a client put there. Artemis's own populate-validated-user does the same for
 * MQTT, STOMP and core messages, but an AMQP message ignores it, and the edge needs one answer for all protocols.
 * The whole plugin interface ({@link ActiveMQServerPlugin}, every method but this one a no-op), as a broker.xml
 * {@code <broker-plugin>} on an external broker must be.
 */
public final class SenderStamp implements ActiveMQServerPlugin {
    public static final String SENDER = "hub_sender";

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct, boolean noAutoCreateQueue) {
        String address = message.getAddress();
        if (address != null && address.startsWith(TerminalAddress.INGRESS_PREFIX)) {
            String user = session.getValidatedUser();
            message.putStringProperty(SENDER, user == null ? "" : user);
            message.reencode();
        }
    }
}
