package io.loyaltyhub.hub.swipe;

import io.loyaltyhub.domain.engine.PointsEngine;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionKey;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts transactions on the durable swipe queue and hands back the engine's answer when it arrives on this
 * node's reply queue. Nothing on this path touches the database: a copy of a transaction answered recently
 * on this node gets that answer from memory; a copy that arrives while the first is still in flight on this
 * node waits for the same answer (the broker's duplicate detection drops it, so it must not wait for an answer
 * of its own); an older copy is answered from the database once it is clear no reply is coming.
 */
public final class ArtemisSwipeGateway implements SwipeGateway, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ArtemisSwipeGateway.class);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(2);
    private static final long FIRST_LOOK_MS = 250;
    private static final long GRACE_MS = 500;

    private record Sender(Session session, MessageProducer producer) {
    }

    private final ConnectionFactory factory;
    private final String user;
    private final String password;
    private final PointsEngine engine;
    private final SwipeMessages messages;
    private final int senders;
    private final ConcurrentHashMap<String, CompletableFuture<TransactionOutcome>> inFlight = new ConcurrentHashMap<>();
    private final RecentAnswers recentlyAnswered = new RecentAnswers(50_000);
    private final ScheduledExecutorService lookups = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "swipe-answer-lookup");
        t.setDaemon(true);
        return t;
    });
    private Sender[] senderSessions;
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
        senderSessions = new Sender[senders];
        for (int i = 0; i < senders; i++) {
            Session s = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(BrokerAddresses.SWIPES));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            senderSessions[i] = new Sender(s, p);
        }
        connection.start();
    }

    @Override
    public CompletableFuture<TransactionOutcome> submit(PosTransaction transaction) {
        String id = transaction.key().asDuplicateId();
        TransactionOutcome recent = recentlyAnswered.find(id);
        if (recent != null) {
            return CompletableFuture.completedFuture(recent.asDuplicate());
        }
        CompletableFuture<TransactionOutcome> answer = new CompletableFuture<>();
        CompletableFuture<TransactionOutcome> earlier = inFlight.putIfAbsent(id, answer);
        if (earlier != null) {
            return earlier.thenApply(TransactionOutcome::asDuplicate);
        }
        answer.orTimeout(FORGET_AFTER.toMillis(), TimeUnit.MILLISECONDS).whenComplete((o, e) -> inFlight.remove(id, answer));
        try {
            send(transaction, id, answer);
        } catch (RuntimeException | JMSException | InterruptedException e) {
            inFlight.remove(id, answer);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new SwipeNotAcceptedException("transaction " + id + " was not accepted: " + e.getMessage(), e);
        }
        lookForEarlierAnswer(transaction.key(), answer, FIRST_LOOK_MS);
        return answer;
    }

    /**
     * A copy of a transaction answered long ago (or on another node) is dropped by the broker's duplicate
     * detection, so no answer will come for it on the reply queue: if none has come after a while, the answer
     * is looked up in the database, and looked for again later (backing off) while the swipe is still queued.
     * An answer found there is given after a grace period, so that a first copy whose own reply is on its way
     * gets that reply (not a "duplicate") even when its database commit was seen first.
     */
    private void lookForEarlierAnswer(TransactionKey key, CompletableFuture<TransactionOutcome> answer, long afterMs) {
        if (afterMs > FORGET_AFTER.toMillis()) {
            return;
        }
        lookups.schedule(() -> {
            if (answer.isDone()) {
                return;
            }
            Optional<TransactionOutcome> stored;
            try {
                stored = engine.findAnswer(key);
            } catch (RuntimeException e) {
                stored = Optional.empty();
            }
            if (stored.isPresent()) {
                TransactionOutcome found = stored.get();
                lookups.schedule(() -> answer.complete(found), GRACE_MS, TimeUnit.MILLISECONDS);
            } else {
                lookForEarlierAnswer(key, answer, afterMs * 2);
            }
        }, afterMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Sends asynchronously: the broker confirms once the message is in its synced journal, and only a failed
     * confirmation completes the answer (with "not accepted"). No thread waits on the disk, so concurrent
     * swipes share the journal's grouped syncs instead of queueing for a few blocking senders.
     * All swipes of one card go through the same sender session, so they reach the queue in the order they
     * were submitted (a batch file's refund after its sale), and the card's message group keeps that order
     * up to the engine.
     */
    private void send(PosTransaction transaction, String id, CompletableFuture<TransactionOutcome> answer)
            throws JMSException, InterruptedException {
        String group = transaction.card().token().hash();
        Sender sender = senderSessions[Math.floorMod(group.hashCode(), senderSessions.length)];
        synchronized (sender) {
            TextMessage m = sender.session().createTextMessage(messages.encode(transaction));
            m.setStringProperty(BrokerAddresses.DUPLICATE_ID_PROPERTY, id);
            m.setStringProperty("JMSXGroupID", group);
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
        }
    }

    private void onReply(Message reply) {
        try {
            for (SwipeMessages.Answer answer : messages.decodeAnswers(((TextMessage) reply).getText())) {
                recentlyAnswered.remember(answer.correlationId(), answer.outcome());
                CompletableFuture<TransactionOutcome> waiting = inFlight.remove(answer.correlationId());
                if (waiting != null) {
                    waiting.complete(answer.outcome());
                }
            }
        } catch (JMSException | RuntimeException e) {
            log.warn("unreadable reply on {} ignored: {}", replyQueue, e.getMessage());
        }
    }

    @Override
    public void close() {
        lookups.shutdownNow();
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException e) {
                log.warn("closing the gateway's broker connection failed: {}", e.getMessage());
            }
        }
    }
}
