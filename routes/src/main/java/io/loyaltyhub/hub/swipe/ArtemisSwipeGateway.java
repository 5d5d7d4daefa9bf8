package io.loyaltyhub.hub.swipe;

import io.loyaltyhub.domain.engine.PointsEngine;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.hub.broker.BrokerAddresses;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts transactions on the durable swipe queue and hands back the engine's answer when it arrives on this
 * node's reply queue. A copy of a transaction that is already answered gets that answer from the database
 * at once; a copy that arrives while the first is still in flight on this node waits for the same answer
 * (the broker's duplicate detection would drop it, so it must not wait for an answer of its own).
 */
public final class ArtemisSwipeGateway implements SwipeGateway, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ArtemisSwipeGateway.class);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(2);

    private record Sender(Session session, MessageProducer producer) {
    }

    private final ConnectionFactory factory;
    private final String user;
    private final String password;
    private final PointsEngine engine;
    private final SwipeMessages messages;
    private final int senders;
    private final ConcurrentHashMap<String, CompletableFuture<TransactionOutcome>> inFlight = new ConcurrentHashMap<>();
    private BlockingQueue<Sender> idleSenders;
    private Connection connection;
    private TemporaryQueue replyQueue;

    public ArtemisSwipeGateway(ConnectionFactory factory, String user, String password, PointsEngine engine,
                               SwipeMessages messages, int senders) {
        this.factory = factory;
        this.user = user;
        this.password = password;
        this.engine = engine;
        this.messages = messages;
        this.senders = senders;
    }

    public void start() throws JMSException {
        connection = user.isBlank() ? factory.createConnection() : factory.createConnection(user, password);
        Session replySession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        replyQueue = replySession.createTemporaryQueue();
        MessageConsumer replies = replySession.createConsumer(replyQueue);
        replies.setMessageListener(this::onReply);
        idleSenders = new ArrayBlockingQueue<>(senders);
        for (int i = 0; i < senders; i++) {
            Session s = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(BrokerAddresses.SWIPES));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            idleSenders.add(new Sender(s, p));
        }
        connection.start();
    }

    @Override
    public CompletableFuture<TransactionOutcome> submit(PosTransaction transaction) {
        String id = transaction.key().asDuplicateId();
        CompletableFuture<TransactionOutcome> answer = new CompletableFuture<>();
        CompletableFuture<TransactionOutcome> earlier = inFlight.putIfAbsent(id, answer);
        if (earlier != null) {
            return earlier.thenApply(TransactionOutcome::asDuplicate);
        }
        answer.orTimeout(FORGET_AFTER.toMillis(), TimeUnit.MILLISECONDS).whenComplete((o, e) -> inFlight.remove(id, answer));
        try {
            Optional<TransactionOutcome> answered = engine.findAnswer(transaction.key());
            if (answered.isPresent()) {
                answer.complete(answered.get());
                return answer;
            }
            send(transaction, id, answer);
        } catch (RuntimeException | JMSException | InterruptedException e) {
            inFlight.remove(id, answer);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new SwipeNotAcceptedException("transaction " + id + " was not accepted: " + e.getMessage(), e);
        }
        return answer;
    }

    /**
     * Sends asynchronously: the broker confirms once the message is in its synced journal, and only a failed
     * confirmation completes the answer (with "not accepted"). No thread waits on the disk, so concurrent
     * swipes share the journal's grouped syncs instead of queueing for a few blocking senders.
     */
    private void send(PosTransaction transaction, String id, CompletableFuture<TransactionOutcome> answer)
            throws JMSException, InterruptedException {
        Sender sender = idleSenders.take();
        try {
            TextMessage m = sender.session().createTextMessage(messages.encode(transaction));
            m.setStringProperty(BrokerAddresses.DUPLICATE_ID_PROPERTY, id);
            m.setStringProperty("JMSXGroupID", transaction.card().token().hash());
            m.setJMSCorrelationID(id);
            m.setJMSReplyTo(replyQueue);
            sender.producer().send(m, new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    // durable on the broker: the answer will come on the reply queue
                }

                @Override
                public void onException(Message message, Exception e) {
                    inFlight.remove(id, answer);
                    answer.completeExceptionally(new SwipeNotAcceptedException(
                            "transaction " + id + " was not stored by the broker: " + e.getMessage(), e));
                }
            });
        } finally {
            idleSenders.add(sender);
        }
    }

    private void onReply(Message reply) {
        try {
            CompletableFuture<TransactionOutcome> waiting = inFlight.remove(reply.getJMSCorrelationID());
            if (waiting != null) {
                waiting.complete(messages.decodeOutcome(((TextMessage) reply).getText()));
            }
        } catch (JMSException | RuntimeException e) {
            log.warn("unreadable reply on {} ignored: {}", replyQueue, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException e) {
                log.warn("closing the gateway's broker connection failed: {}", e.getMessage());
            }
        }
    }
}
