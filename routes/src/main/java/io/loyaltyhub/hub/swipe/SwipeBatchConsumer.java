package io.loyaltyhub.hub.swipe;

import io.loyaltyhub.domain.engine.EngineException;
import io.loyaltyhub.domain.engine.PointsEngine;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.hub.broker.BrokerAddresses;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's side of the swipe queue. Each worker takes whatever is waiting (messages, each a chunk of one or
 * more transactions, until the batch holds {@code batchSize} transactions), applies it
 * in one database transaction, then sends the answers (one message per reply queue) and one events message, and
 * commits the broker transaction: a message is
 * acknowledged only after its effect is committed, and a redelivery after a crash is answered from the
 * database as a duplicate. A batch the engine cannot apply is rolled back and its messages are then taken
 * one at a time, so a poison message (with the chunk it came in) reaches the dead-letter queue after its
 * redeliveries without holding up the others. Written against plain JMS rather than a Camel route because Camel's JMS consumers
 * acknowledge per exchange, and one commit per batch is where the throughput comes from.
 */
public final class SwipeBatchConsumer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SwipeBatchConsumer.class);
    private static final long RECEIVE_TIMEOUT_MS = 200;

    private final ConnectionFactory factory;
    private final String user;
    private final String password;
    private final PointsEngine engine;
    private final SwipeMessages messages;
    private final int workers;
    private final int batchSize;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong applyNanos = new AtomicLong();
    private final AtomicLong commitNanos = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private Connection connection;

    public SwipeBatchConsumer(ConnectionFactory factory, String user, String password, PointsEngine engine,
                              SwipeMessages messages, int workers, int batchSize) {
        this.factory = factory;
        this.user = user;
        this.password = password;
        this.engine = engine;
        this.messages = messages;
        this.workers = workers;
        this.batchSize = batchSize;
    }

    public void start() throws JMSException {
        connection = user.isBlank() ? factory.createConnection() : factory.createConnection(user, password);
        connection.start();
        running = true;
        for (int i = 0; i < workers; i++) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            Thread t = new Thread(() -> work(session), "swipe-engine-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Transactions applied since start (answered copies included). */
    public long applied() {
        return applied.get();
    }

    /** Batches committed since start: with {@link #applied()}, the mean batch size over a stretch of work. */
    public long batches() {
        return batches.get();
    }

    /** Time spent applying batches in the database (statements and commit), since start. */
    public long applyNanos() {
        return applyNanos.get();
    }

    /** Time spent sending answers and committing the broker transaction of batches (its journal sync), since start. */
    public long answerAndCommitNanos() {
        return commitNanos.get();
    }

    private void work(Session session) {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(BrokerAddresses.SWIPES));
             ReplyProducers replies = new ReplyProducers(session);
             MessageProducer events = session.createProducer(session.createTopic(BrokerAddresses.EVENTS));
             MessageProducer deadLetters = session.createProducer(session.createQueue(BrokerAddresses.DEAD_LETTERS))) {
            events.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            int oneAtATime = 0;
            while (running) {
                List<Received> batch = receiveBatch(consumer, oneAtATime > 0 ? 1 : batchSize);
                if (batch.isEmpty()) {
                    continue;
                }
                oneAtATime = Math.max(0, oneAtATime - 1);
                if (!applyAndAnswer(session, batch, replies, events, deadLetters)) {
                    oneAtATime = batchSize;
                }
            }
        } catch (JMSException e) {
            if (running) {
                log.error("swipe worker {} stopped: {}", Thread.currentThread().getName(), e.getMessage(), e);
            }
        }
    }

    /** A message taken from the queue, with the transactions it carries (null when it could not be read). */
    private record Received(Message message, List<SwipeMessages.Addressed> transactions, String unreadable) {
    }

    /** Waits for one message, then takes what else is waiting until the batch holds {@code max} transactions. */
    private List<Received> receiveBatch(MessageConsumer consumer, int max) throws JMSException {
        List<Received> batch = new ArrayList<>();
        Message first = consumer.receive(RECEIVE_TIMEOUT_MS);
        if (first == null) {
            return batch;
        }
        int transactions = add(batch, first);
        while (transactions < max) {
            Message next = consumer.receiveNoWait();
            if (next == null) {
                break;
            }
            transactions += add(batch, next);
        }
        return batch;
    }

    private int add(List<Received> batch, Message m) throws JMSException {
        try {
            List<SwipeMessages.Addressed> chunk = messages.decodeChunk(((TextMessage) m).getText(), m.getJMSCorrelationID());
            batch.add(new Received(m, chunk, null));
            return chunk.size();
        } catch (RuntimeException e) {
            batch.add(new Received(m, null, "unreadable-message: " + e.getMessage()));
            return 1;
        }
    }

    /** @return false when the engine refused the batch and it was rolled back for redelivery */
    private boolean applyAndAnswer(Session session, List<Received> batch, ReplyProducers replies, MessageProducer events,
                                   MessageProducer deadLetters) throws JMSException {
        List<Received> readable = new ArrayList<>(batch.size());
        List<PosTransaction> transactions = new ArrayList<>();
        for (Received r : batch) {
            if (r.transactions() == null) {
                deadLetter(session, deadLetters, r.message(), r.unreadable());
                continue;
            }
            readable.add(r);
            r.transactions().forEach(a -> transactions.add(a.transaction()));
        }
        List<TransactionOutcome> outcomes;
        long started = System.nanoTime();
        try {
            outcomes = engine.applyBatch(transactions);
        } catch (EngineException e) {
            log.error("batch of {} rolled back for redelivery: {}", transactions.size(), e.getMessage());
            session.rollback();
            return false;
        }
        long inDatabase = System.nanoTime();
        applyNanos.addAndGet(inDatabase - started);
        answer(session, readable, outcomes, replies);
        events.send(session.createTextMessage(messages.encodeEvents(transactions, outcomes)));
        session.commit();
        commitNanos.addAndGet(System.nanoTime() - inDatabase);
        applied.addAndGet(transactions.size());
        batches.incrementAndGet();
        return true;
    }

    /** One message per reply queue per batch, carrying the answers of every transaction whose message named that queue. */
    private void answer(Session session, List<Received> received, List<TransactionOutcome> outcomes, ReplyProducers replies)
            throws JMSException {
        Map<Destination, List<SwipeMessages.Answer>> byReplyQueue = new LinkedHashMap<>();
        int i = 0;
        for (Received r : received) {
            Destination replyTo = r.message().getJMSReplyTo();
            for (SwipeMessages.Addressed a : r.transactions()) {
                TransactionOutcome outcome = outcomes.get(i++);
                if (replyTo != null && a.correlationId() != null) {
                    byReplyQueue.computeIfAbsent(replyTo, d -> new ArrayList<>()).add(new SwipeMessages.Answer(a.correlationId(), outcome));
                }
            }
        }
        for (Map.Entry<Destination, List<SwipeMessages.Answer>> e : byReplyQueue.entrySet()) {
            replies.to(e.getKey()).send(session.createTextMessage(messages.encodeAnswers(e.getValue())));
        }
    }

    private static void deadLetter(Session session, MessageProducer deadLetters, Message m, String reason) throws JMSException {
        TextMessage copy = session.createTextMessage(m instanceof TextMessage t ? t.getText() : "");
        copy.setStringProperty("hub_dead_letter_reason", reason);
        copy.setStringProperty("hub_original_message_id", m.getJMSMessageID());
        deadLetters.send(copy);
        log.warn("message {} sent to {}: {}", m.getJMSMessageID(), BrokerAddresses.DEAD_LETTERS, reason);
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException e) {
                log.warn("closing the consumer's broker connection failed: {}", e.getMessage());
            }
        }
    }
}
