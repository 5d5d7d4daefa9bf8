package io.loyaltyhub.hub.broker.terminals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.hub.broker.BrokerAddresses;
import io.loyaltyhub.hub.logging.CardNumberMasking;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what goes back out of the broker channel: answers and rejections to a terminal's reply address, and the
 * redacted copy of a rejected message to the dead-letter queue. One JMS session, so every call must come from the
 * one thread that owns it ({@link TerminalIngress} hands them to its reply executor).
 */
final class TerminalReplies implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TerminalReplies.class);
    static final String REASON = "hub_dead_letter_reason";
    static final String ERROR_CODE = "hub_error_code";
    static final String ORIGINAL_ADDRESS = "hub_original_address";
    static final String SENDER = "hub_sender";

    private final Session session;
    private final MessageProducer anyDestination;
    private final MessageProducer deadLetters;

    TerminalReplies(Connection connection) throws JMSException {
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        anyDestination = session.createProducer(null);
        // An answer can always be had again by re-sending the transaction, so replies are not worth a disk write.
        anyDestination.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        Queue deadLetterQueue = session.createQueue(BrokerAddresses.DEAD_LETTERS);
        deadLetters = session.createProducer(deadLetterQueue);
        deadLetters.setDeliveryMode(DeliveryMode.PERSISTENT);
    }

    void answer(TerminalAddress terminal, byte[] json, String correlationId) {
        send(terminal, new String(json, StandardCharsets.UTF_8), correlationId);
    }

    void reject(TerminalAddress terminal, String code, String detail, String txnRef, String correlationId) {
        if (terminal == null) {
            return;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("status", "rejected")
                .put("code", code)
                .put("type", "urn:loyalty-hub:problem:" + code)
                .put("detail", CardNumberMasking.mask(detail));
        if (txnRef != null) {
            body.put("txnRef", txnRef);
        }
        send(terminal, body.toString(), correlationId);
    }

    /** Keeps a rejected message for inspection: never the original, only its redacted copy and why it was refused. */
    void deadLetter(byte[] body, String code, String detail, String address, String sender) {
        try {
            TextMessage copy = session.createTextMessage(RedactedCopy.of(body));
            copy.setStringProperty(REASON, code + ": " + CardNumberMasking.mask(detail));
            copy.setStringProperty(ERROR_CODE, code);
            copy.setStringProperty(ORIGINAL_ADDRESS, address == null ? "" : address);
            copy.setStringProperty(SENDER, sender == null ? "" : sender);
            copy.setStringProperty("hub_channel", "BROKER");
            deadLetters.send(copy);
        } catch (JMSException | RuntimeException e) {
            log.error("rejected message from {} ({}) could not be dead-lettered: {}", address, code, e.getMessage());
        }
    }

    private void send(TerminalAddress terminal, String text, String correlationId) {
        try {
            TextMessage reply = session.createTextMessage(text);
            if (correlationId != null) {
                reply.setJMSCorrelationID(correlationId);
            }
            anyDestination.send(session.createTopic(terminal.replies()), reply);
        } catch (JMSException | RuntimeException e) {
            log.warn("reply to {} could not be sent: {}", terminal.replies(), e.getMessage());
        }
    }

    @Override
    public void close() throws JMSException {
        session.close();
    }
}
