package io.loyaltyhub.hub.swipe;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts transactions on the durable swipe queue and hands back the engine's answer when it arrives on this
 * node's reply queue.
 *
 * <p>Transactions leave in <em>chunks</em>: each card belongs to one of a few lanes, and a lane sends whatever
 * has gathered since its last send as one persistent message (at most {@link #MAX_CHUNK} transactions). Under
 * light load a chunk holds one transaction; under heavy load the broker stores, delivers and acknowledges one
 * message for many swipes, which is where its cost per swipe goes down. A lane's chunks carry the lane as their
 * message group, so they reach one engine worker at a time and in order: a batch file's refund cannot overtake
 * its sale. Lanes are named alike on every node, so on a shared broker a card's swipes keep their order whichever
 * node took them, and the queue's groups are spread over at most as many engine workers as there are lanes.
 *
 * <p>Copies: a copy (same reference, same content, same card: {@link PosTransaction#copyId()}) that arrives while
 * the first is still in flight here waits for the same answer; any other copy goes to the engine, which answers it
 * from the database as a duplicate with the balance as it is then, or refuses it when its content differs (the
 * engine, not the broker, is what makes a transaction count once). Answers are not kept after they are given:
 * an answer from memory would show the balance of that moment as current. Nothing on this path touches the
 * database.
 */
public final class ArtemisSwipeGateway implements SwipeGateway, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ArtemisSwipeGateway.class);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(2);
    static final int MAX_CHUNK = 128;
    private static final int ANSWERS_PER_TASK = 16;

    private record Pending(String id, PosTransaction transaction, CompletableFuture<TransactionOutcome> answer) {
    }

    /** One ordered stream of chunks: its own session (JMS sessions are single-threaded) and its own message group. */
    private static final class Lane {
        final String group;
        final Session session;
        final MessageProducer producer;
        final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
        final AtomicBoolean scheduled = new AtomicBoolean();

        Lane(String group, Session session, MessageProducer producer) {
            this.group = group;
            this.session = session;
            this.producer = producer;
        }
    }

    private final ConnectionFactory factory;
    private final String user;
    private final String password;
    private final SwipeMessages messages;
    private final int laneCount;
    private final ConcurrentHashMap<String, CompletableFuture<TransactionOutcome>> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger senderThreads = new AtomicInteger();
    private final AtomicLong chunksSent = new AtomicLong();
    private final AtomicLong transactionsSent = new AtomicLong();
    private final ExecutorService senders = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "swipe-sender-" + senderThreads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger answerThreads = new AtomicInteger();
    /**
     * Completes the waiting futures, and with them each channel's answer work (encoding, signing, writing to the
     * terminal's connection). The broker delivers replies to one listener at a time, so doing that work on the
     * listener's thread made one thread the ceiling of every online channel (seen in the profile).
     */
    private final ExecutorService answerers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "swipe-answer-" + answerThreads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private Lane[] lanes;
    private Connection connection;
    private TemporaryQueue replyQueue;

    public ArtemisSwipeGateway(ConnectionFactory factory, String user, String password, SwipeMessages messages, int lanes) {
        this.factory = factory;
        this.user = user;
        this.password = password;
        this.messages = messages;
        this.laneCount = lanes;
    }

    public void start() throws JMSException {
        connection = user.isBlank() ? factory.createConnection() : factory.createConnection(user, password);
        Session replySession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        replyQueue = replySession.createTemporaryQueue();
        MessageConsumer replies = replySession.createConsumer(replyQueue);
        replies.setMessageListener(this::onReply);
        lanes = new Lane[laneCount];
        for (int i = 0; i < laneCount; i++) {
            Session s = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(BrokerAddresses.SWIPES));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            lanes[i] = new Lane("lane-" + i, s, p);
        }
        connection.start();
    }

    @Override
    public CompletableFuture<TransactionOutcome> submit(PosTransaction transaction) {
        String id = transaction.copyId();
        CompletableFuture<TransactionOutcome> answer = new CompletableFuture<>();
        CompletableFuture<TransactionOutcome> earlier = inFlight.putIfAbsent(id, answer);
        if (earlier != null) {
            return earlier.thenApply(TransactionOutcome::asDuplicate);
        }
        answer.orTimeout(FORGET_AFTER.toMillis(), TimeUnit.MILLISECONDS).whenComplete((o, e) -> inFlight.remove(id, answer));
        Lane lane = lanes[Math.floorMod(transaction.card().token().hash().hashCode(), lanes.length)];
        lane.waiting.add(new Pending(id, transaction, answer));
        schedule(lane);
        return answer;
    }

    private void schedule(Lane lane) {
        if (!lane.waiting.isEmpty() && lane.scheduled.compareAndSet(false, true)) {
            try {
                senders.execute(() -> sendChunk(lane));
            } catch (RuntimeException closed) {
                lane.scheduled.set(false);
                refuse(drain(lane, Integer.MAX_VALUE), closed);
            }
        }
    }

    /**
     * Sends what the lane has gathered as one message, then gives the thread back (another lane may be waiting)
     * and schedules itself again if more has come meanwhile. The broker confirms once the message is in its synced
     * journal; only a failed confirmation completes the answers (with "not accepted"), so no thread waits on the disk.
     */
    private void sendChunk(Lane lane) {
        List<Pending> chunk = drain(lane, MAX_CHUNK);
        try {
            if (!chunk.isEmpty()) {
                send(lane, chunk);
            }
        } catch (JMSException | RuntimeException e) {
            refuse(chunk, e);
        } finally {
            lane.scheduled.set(false);
            schedule(lane);
        }
    }

    private static List<Pending> drain(Lane lane, int max) {
        List<Pending> chunk = new ArrayList<>();
        Pending next;
        while (chunk.size() < max && (next = lane.waiting.poll()) != null) {
            chunk.add(next);
        }
        return chunk;
    }

    private void send(Lane lane, List<Pending> chunk) throws JMSException {
        List<SwipeMessages.Addressed> addressed = new ArrayList<>(chunk.size());
        for (Pending p : chunk) {
            addressed.add(new SwipeMessages.Addressed(p.id(), p.transaction()));
        }
        TextMessage m = lane.session.createTextMessage(messages.encodeChunk(addressed));
        m.setStringProperty("JMSXGroupID", lane.group);
        m.setJMSReplyTo(replyQueue);
        chunksSent.incrementAndGet();
        transactionsSent.addAndGet(chunk.size());
        lane.producer.send(m, new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                // durable on the broker: the answers will come on the reply queue
            }

            @Override
            public void onException(Message message, Exception e) {
                refuse(chunk, e);
            }
        });
    }

    /** Broker messages sent since start; with {@link #transactionsSent()}, how many swipes shared a message. */
    public long chunksSent() {
        return chunksSent.get();
    }

    public long transactionsSent() {
        return transactionsSent.get();
    }

    private void refuse(List<Pending> chunk, Exception cause) {
        for (Pending p : chunk) {
            inFlight.remove(p.id(), p.answer());
            p.answer().completeExceptionally(new SwipeNotAcceptedException(
                    "transaction " + p.id() + " was not stored by the broker: " + cause.getMessage(), cause));
        }
    }

    private void onReply(Message reply) {
        List<SwipeMessages.Answer> answers;
        try {
            answers = messages.decodeAnswers(((TextMessage) reply).getText());
        } catch (JMSException | RuntimeException e) {
            log.warn("unreadable reply on {} ignored: {}", replyQueue, e.getMessage());
            return;
        }
        for (int from = 0; from < answers.size(); from += ANSWERS_PER_TASK) {
            List<SwipeMessages.Answer> slice = answers.subList(from, Math.min(answers.size(), from + ANSWERS_PER_TASK));
            try {
                answerers.execute(() -> complete(slice));
            } catch (RuntimeException closing) {
                complete(slice);
            }
        }
    }

    private void complete(List<SwipeMessages.Answer> answers) {
        for (SwipeMessages.Answer answer : answers) {
            CompletableFuture<TransactionOutcome> waiting = inFlight.remove(answer.correlationId());
            if (waiting != null) {
                try {
                    waiting.complete(answer.outcome());
                } catch (RuntimeException e) {
                    log.warn("answering {} failed: {}", answer.correlationId(), e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        senders.shutdown();
        answerers.shutdown();
        try {
            senders.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException e) {
                log.warn("closing the gateway's broker connection failed: {}", e.getMessage());
            }
        }
    }
}
