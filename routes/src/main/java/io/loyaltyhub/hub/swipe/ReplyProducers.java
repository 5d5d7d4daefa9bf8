package io.loyaltyhub.hub.swipe;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One producer per reply destination, kept for reuse: an anonymous producer makes the client check the
 * destination with the broker on every send (a blocking round trip per reply). Replies go to a handful of
 * gateway queues (one per hub node), so the cache stays small; the least recently used is closed past the bound.
 */
final class ReplyProducers implements AutoCloseable {
    private static final int MAX_PRODUCERS = 64;
    private static final long REPLY_LIFETIME_MILLIS = 120_000;

    private final Session session;
    private final Map<Destination, MessageProducer> producers = new LinkedHashMap<>(16, 0.75f, true);

    ReplyProducers(Session session) {
        this.session = session;
    }

    MessageProducer to(Destination destination) throws JMSException {
        MessageProducer producer = producers.get(destination);
        if (producer == null) {
            if (producers.size() >= MAX_PRODUCERS) {
                Map.Entry<Destination, MessageProducer> eldest = producers.entrySet().iterator().next();
                eldest.getValue().close();
                producers.remove(eldest.getKey());
            }
            producer = session.createProducer(destination);
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            // An answer nobody takes (its node is gone for good) does not stay on the broker: the terminal has
            // long since been told "pending" or resent, and a copy is answered from the database.
            producer.setTimeToLive(REPLY_LIFETIME_MILLIS);
            producers.put(destination, producer);
        }
        return producer;
    }

    @Override
    public void close() throws JMSException {
        for (MessageProducer p : producers.values()) {
            p.close();
        }
        producers.clear();
    }
}
