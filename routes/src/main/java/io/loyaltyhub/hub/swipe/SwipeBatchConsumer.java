package io.loyaltyhub.hub.swipe;

import io.loyaltyhub.domain.engine.EngineException;
import io.loyaltyhub.domain.engine.PointsEngine;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.hub.broker.BrokerAddresses;
import io.loyaltyhub.hub.broker.BrokerLogin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's side of the swipe queue. Each worker takes whatever is waiting (messages, each a chunk of one or
 * more transactions, until the batch holds {@code batchSize} transactions), applies it
 * in one database transaction, then sends the answers (one message per reply queue) and one events message, and
 * commits the broker transaction: a message is
 * acknowledged only after its effect is committed (and synced), and a redelivery after a crash is answered from the
 * database as a duplicate.
 *
 * <p>Outages are waited out, never taken for poison: when a batch fails and the database does not answer, the worker
 * keeps the batch (unacknowledged, so its delivery count does not move) and applies it again once the database is
 * back. Only a batch the engine refuses while the database answers is rolled back, and its messages are then taken
 * one at a time, so a poison message (with the chunk it came in) reaches the dead-letter queue after its
 * redeliveries without holding up the others. When the broker goes away the workers wait for the connection to come
 * back ({@link BrokerConnection}) and resume.
 *
 * <p>Written against plain JMS rather than a Camel route because Camel's JMS consumers acknowledge per exchange,
 * and one commit per batch is where the throughput comes from.
 */
public final class SwipeBatchConsumer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SwipeBatchConsumer.class);
    private static final long RECEIVE_TIMEOUT_MS = 200;
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final PointsEngine engine;
    private final BooleanSupplier databaseReachable;
    private final SwipeMessages messages;
    private final EngineLag lag;
    private final int workers;
    private final int batchSize;
    private final BrokerConnection broker;
    private final Counter applied;
    private final Counter batches;
    private final Timer applyTime;
    private final Timer answerAndCommitTime;
    private final Counter outageWaits;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public SwipeBatchConsumer(ConnectionFactory factory, BrokerLogin login, PointsEngine engine,
                              BooleanSupplier databaseReachable, SwipeMessages messages, EngineLag lag, int workers, int batchSize,
                              MeterRegistry meters) {
        this.engine = engine;
        this.databaseReachable = databaseReachable;
        this.messages = messages;
        this.lag = lag;
        this.workers = workers;
        this.batchSize = batchSize;
        this.broker = new BrokerConnection("swipe-engine", factory, login, connection -> { });
        this.applied = Counter.builder("hub.engine.transactions.applied")
                .description("Transactions applied by the engine (answered copies included)").register(meters);
        this.batches = Counter.builder("hub.engine.batches.committed")
                .description("Batches of transactions committed by the engine").register(meters);
        this.applyTime = Timer.builder("hub.engine.batch.apply")
                .description("Time spent applying a batch in the database (statements and commit)").register(meters);
        this.answerAndCommitTime = Timer.builder("hub.engine.batch.answer.commit")
                .description("Time spent sending a batch's answers and committing its broker transaction").register(meters);
        this.outageWaits = Counter.builder("hub.engine.outage.waits")
                .description("Batches held back because the database did not answer").register(meters);
        TimeGauge.builder("hub.engine.lag", lag, TimeUnit.MILLISECONDS, EngineLag::behindMillis)
                .description("How far the engine is behind the swipe queue, or how long it has been stuck").register(meters);
    }

    public void start() {
        running = true;
        broker.start();
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, "swipe-engine-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    public BrokerConnection broker() {
        return broker;
    }

    /** Transactions applied since start (answered copies included). */
    public long applied() {
        return (long) applied.count();
    }

    /** Batches committed since start: with {@link #applied()}, the mean batch size over a stretch of work. */
    public long batches() {
        return (long) batches.count();
    }

    /** Time spent applying batches in the database (statements and commit), since start. */
    public long applyNanos() {
        return (long) applyTime.totalTime(TimeUnit.NANOSECONDS);
    }

    /** Time spent sending answers and committing the broker transaction of batches (its journal sync), since start. */
    public long answerAndCommitNanos() {
        return (long) answerAndCommitTime.totalTime(TimeUnit.NANOSECONDS);
    }

    /** Batches held back because the database did not answer (each retried until it did). */
    public long outageWaits() {
        return (long) outageWaits.count();
    }

    /** One worker: a session on the current connection, taken again whenever the broker drops it. */
    private void work() {
        while (running) {
            Connection connection;
            try {
                // woken as soon as the connection is back, so swipes stored meanwhile do not wait on a pause
                connection = broker.awaitUp(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (connection == null) {
                continue;
            }
            try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
                consume(session);
            } catch (JMSException | RuntimeException e) {
                if (running) {
                    log.warn("swipe worker {}: broker session ended ({}); taking a new one", Thread.currentThread().getName(),
                            e.getMessage());
                    pause(100);
                }
            }
        }
    }

    private void consume(Session session) throws JMSException {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(BrokerAddresses.SWIPES));
             ReplyProducers replies = new ReplyProducers(session);
             MessageProducer events = session.createProducer(session.createTopic(BrokerAddresses.EVENTS));
             MessageProducer deadLetters = session.createProducer(session.createQueue(BrokerAddresses.DEAD_LETTERS))) {
            events.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            int oneAtATime = 0;
            while (running) {
                List<Received> batch = receiveBatch(consumer, oneAtATime > 0 ? 1 : batchSize);
                if (batch.isEmpty()) {
                    lag.idle();
                    continue;
                }
                oneAtATime = Math.max(0, oneAtATime - 1);
                if (!applyAndAnswer(session, batch, replies, events, deadLetters)) {
                    oneAtATime = batchSize;
                }
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
        long oldestSent = Long.MAX_VALUE;
        for (Received r : batch) {
            if (r.transactions() == null) {
                deadLetter(session, deadLetters, r.message(), r.unreadable());
                continue;
            }
            readable.add(r);
            oldestSent = Math.min(oldestSent, r.message().getJMSTimestamp());
            r.transactions().forEach(a -> transactions.add(a.transaction()));
        }
        long started = System.nanoTime();
        List<TransactionOutcome> outcomes = applyWaitingOutOutages(transactions);
        if (outcomes == null) {
            session.rollback();
            return false;
        }
        long inDatabase = System.nanoTime();
        applyTime.record(inDatabase - started, TimeUnit.NANOSECONDS);
        answer(session, readable, outcomes, replies);
        events.send(session.createTextMessage(messages.encodeEvents(transactions, outcomes)));
        session.commit();
        lag.batchApplied(oldestSent == Long.MAX_VALUE ? 0 : oldestSent, System.currentTimeMillis());
        answerAndCommitTime.record(System.nanoTime() - inDatabase, TimeUnit.NANOSECONDS);
        applied.increment(transactions.size());
        batches.increment();
        return true;
    }

    /**
     * Applies the batch; while the database does not answer, waits (with growing pauses) and applies it again.
     *
     * @return the outcomes, or null when the engine refused the batch while the database was reachable
     */
    private List<TransactionOutcome> applyWaitingOutOutages(List<PosTransaction> transactions) {
        long pauseMillis = 100;
        boolean waited = false;
        while (true) {
            try {
                List<TransactionOutcome> outcomes = engine.applyBatch(transactions);
                if (waited) {
                    log.info("database back: a held batch of {} transactions applied", transactions.size());
                }
                return outcomes;
            } catch (EngineException e) {
                if (databaseReachable.getAsBoolean()) {
                    log.error("batch of {} rolled back for redelivery: {}", transactions.size(), e.getMessage());
                    return null;
                }
                if (!running) {
                    throw new IllegalStateException("stopping while the database is unreachable; the batch stays on the queue", e);
                }
                if (!waited) {
                    outageWaits.increment();
                    log.warn("database unreachable ({}): holding a batch of {} transactions until it is back",
                            e.getMessage(), transactions.size());
                }
                waited = true;
                lag.stuck();
                pause(pauseMillis);
                pauseMillis = Math.min(LONGEST_PAUSE.toMillis(), pauseMillis * 2);
            }
        }
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

    private static void pause(long millis) {
        LockSupport.parkNanos(millis * 1_000_000L);
    }

    /** Stops taking messages; a batch being applied is finished and committed first (up to a few seconds). */
    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        broker.close();
    }
}
