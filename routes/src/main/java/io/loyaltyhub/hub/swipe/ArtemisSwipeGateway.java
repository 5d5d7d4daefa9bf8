package io.loyaltyhub.hub.swipe;

import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.NotStoredException;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.Submitted;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.hub.broker.BrokerAddresses;
import io.loyaltyhub.hub.broker.BrokerLogin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>What a submission says is true: {@link Submitted#stored()} completes only when the broker confirmed the chunk
 * is in its synced journal; a swipe never handed to the broker (broker unreachable, engine too far behind, hub
 * stopping) is refused as certainly not stored; one handed over whose confirmation failed or never came is "not
 * confirmed" (it may be stored: the terminal sends it again and the engine counts it once).
 *
 * <p>Replies come to one queue per hub node ({@code hub.replies.<node>}), not a temporary queue: a node that dies
 * leaves no orphan behind on a shared broker, and its next run reuses the queue. Correlation ids carry this run's
 * incarnation, so an answer meant for an earlier run is ignored.
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
    /** Channels whose terminal waits on the line: they are refused early when the engine is far behind. */
    private static final Set<Channel> ONLINE = EnumSet.of(Channel.HTTP_JSON, Channel.ISO8583, Channel.BROKER);

    private record Pending(String id, PosTransaction transaction, CompletableFuture<Void> stored,
                           CompletableFuture<TransactionOutcome> answer) {
    }

    /** A lane's session and producer on the current connection (JMS sessions are single-threaded). */
    private record Sender(Session session, MessageProducer producer, Queue replyTo) {
    }

    /** One ordered stream of chunks with its own message group; its sender is replaced when the broker comes back. */
    private static final class Lane {
        final String group;
        final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
        final AtomicBoolean scheduled = new AtomicBoolean();
        volatile Sender sender;

        Lane(String group) {
            this.group = group;
        }
    }

    private final SwipeMessages messages;
    private final BrokerConnection broker;
    private final String replyAddress;
    private final String incarnation = UUID.randomUUID().toString().substring(0, 8) + "/";
    private final EngineLag engineLag;
    private final long overloadedAfterMillis;
    private final Lane[] lanes;
    private final ConcurrentHashMap<String, Pending> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger senderThreads = new AtomicInteger();
    private final Counter chunksSent;
    private final Counter transactionsSent;
    private final Counter refusedOverloaded;
    private volatile boolean accepting = true;
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

    public ArtemisSwipeGateway(ConnectionFactory factory, BrokerLogin login, SwipeMessages messages, int lanes,
                               String nodeId, EngineLag engineLag, Duration overloadedAfter, MeterRegistry meters) {
        this.messages = messages;
        this.chunksSent = Counter.builder("hub.swipe.broker.messages.sent")
                .description("Broker messages sent with swipes (several swipes may share one)").register(meters);
        this.transactionsSent = Counter.builder("hub.swipe.transactions.sent")
                .description("Swipes sent to the engine's queue").register(meters);
        this.refusedOverloaded = Counter.builder("hub.swipe.refused.overloaded")
                .description("Online swipes refused because the engine was too far behind").register(meters);
        Gauge.builder("hub.swipe.in.flight", inFlight, Map::size)
                .description("Swipes submitted on this node and not answered yet").register(meters);
        this.replyAddress = BrokerAddresses.REPLIES_PREFIX + nodeId;
        this.engineLag = engineLag;
        this.overloadedAfterMillis = overloadedAfter.toMillis();
        this.lanes = new Lane[lanes];
        for (int i = 0; i < lanes; i++) {
            this.lanes[i] = new Lane("lane-" + i);
        }
        this.broker = new BrokerConnection("swipe-gateway", factory, login, this::openLanes);
    }

    /** Connects; when the broker is not reachable yet, keeps trying in the background (swipes are refused meanwhile). */
    public void start() {
        broker.start();
    }

    /** Whether swipes can be stored now (for readiness). */
    public BrokerConnection broker() {
        return broker;
    }

    private void openLanes(Connection connection) throws JMSException {
        Session replySession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue replies = replySession.createQueue(replyAddress);
        replySession.createConsumer(replies).setMessageListener(this::onReply);
        for (Lane lane : lanes) {
            Session s = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(BrokerAddresses.SWIPES));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            lane.sender = new Sender(s, p, replies);
        }
    }

    @Override
    public Submitted submit(PosTransaction transaction) {
        Set<Lane> touched = new HashSet<>(1);
        Submitted submitted = enqueue(transaction, touched);
        touched.forEach(this::schedule);
        return submitted;
    }

    /** The whole group waits in its lanes before any lane sends, so each lane stores its part in as few messages as it can. */
    @Override
    public List<Submitted> submitAll(List<PosTransaction> transactions) {
        Set<Lane> touched = new HashSet<>();
        List<Submitted> submitted = new ArrayList<>(transactions.size());
        for (PosTransaction transaction : transactions) {
            submitted.add(enqueue(transaction, touched));
        }
        touched.forEach(this::schedule);
        return submitted;
    }

    /** Puts the transaction in its card's lane (noted in {@code touched}), or answers it at once: a copy, or refused. */
    private Submitted enqueue(PosTransaction transaction, Set<Lane> touched) {
        if (!accepting) {
            return Submitted.refused(new NotStoredException("shutting-down", true, "the hub is stopping; send it again", null));
        }
        String id = transaction.copyId();
        Pending earlier = inFlight.get(id);
        if (earlier != null) {
            return copyOf(earlier);
        }
        if (!broker.isUp()) {
            return Submitted.refused(new NotStoredException("not-accepted", true,
                    "the hub cannot reach its queue just now; send it again", null));
        }
        if (ONLINE.contains(transaction.channel()) && engineLag.behindMillis() > overloadedAfterMillis) {
            refusedOverloaded.increment();
            return Submitted.refused(new NotStoredException("overloaded", true,
                    "the hub is over capacity; send it again shortly", null));
        }
        Pending pending = new Pending(id, transaction, new CompletableFuture<>(), new CompletableFuture<>());
        earlier = inFlight.putIfAbsent(id, pending);
        if (earlier != null) {
            return copyOf(earlier);
        }
        pending.answer().orTimeout(FORGET_AFTER.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((o, e) -> inFlight.remove(id, pending));
        Lane lane = lanes[Math.floorMod(transaction.card().token().hash().hashCode(), lanes.length)];
        lane.waiting.add(pending);
        touched.add(lane);
        return new Submitted(pending.stored(), pending.answer());
    }

    private static Submitted copyOf(Pending earlier) {
        return new Submitted(earlier.stored(), earlier.answer().thenApply(TransactionOutcome::asDuplicate));
    }

    private void schedule(Lane lane) {
        if (!lane.waiting.isEmpty() && lane.scheduled.compareAndSet(false, true)) {
            try {
                senders.execute(() -> sendChunk(lane));
            } catch (RuntimeException closed) {
                lane.scheduled.set(false);
                refuse(drain(lane, Integer.MAX_VALUE), new NotStoredException("shutting-down", true,
                        "the hub is stopping; send it again", closed));
            }
        }
    }

    /**
     * Sends what the lane has gathered as one message, then gives the thread back (another lane may be waiting)
     * and schedules itself again if more has come meanwhile. The broker confirms once the message is in its synced
     * journal; the confirmation completes the chunk's "stored" futures, so no thread waits on the disk.
     */
    private void sendChunk(Lane lane) {
        List<Pending> chunk = drain(lane, MAX_CHUNK);
        try {
            if (!chunk.isEmpty()) {
                send(lane, chunk);
            }
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

    private void send(Lane lane, List<Pending> chunk) {
        Sender sender = lane.sender;
        if (sender == null || !broker.isUp()) {
            refuse(chunk, new NotStoredException("not-accepted", true, "the hub cannot reach its queue just now; send it again", null));
            return;
        }
        List<SwipeMessages.Addressed> addressed = new ArrayList<>(chunk.size());
        for (Pending p : chunk) {
            addressed.add(new SwipeMessages.Addressed(incarnation + p.id(), p.transaction()));
        }
        try {
            TextMessage m = sender.session().createTextMessage(messages.encodeChunk(addressed));
            m.setStringProperty("JMSXGroupID", lane.group);
            m.setJMSReplyTo(sender.replyTo());
            chunksSent.increment();
            transactionsSent.increment(chunk.size());
            sender.producer().send(m, new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    chunk.forEach(p -> p.stored().complete(null));
                }

                @Override
                public void onException(Message message, Exception e) {
                    refuse(chunk, unconfirmed(e));
                }
            });
        } catch (JMSException | RuntimeException e) {
            refuse(chunk, unconfirmed(e));
        }
    }

    private static NotStoredException unconfirmed(Exception cause) {
        return new NotStoredException("not-confirmed", false,
                "the broker did not confirm the transaction was stored; send it again (it is counted once)", cause);
    }

    /** Broker messages sent since start; with {@link #transactionsSent()}, how many swipes shared a message. */
    /** How many ordered streams (lanes) swipes leave in; a card always takes the same one. */
    public int lanes() {
        return lanes.length;
    }

    public long chunksSent() {
        return (long) chunksSent.count();
    }

    public long transactionsSent() {
        return (long) transactionsSent.count();
    }

    /** Online swipes refused because the engine was too far behind. */
    public long refusedOverloaded() {
        return (long) refusedOverloaded.count();
    }

    /** Swipes submitted on this node and not answered yet. */
    public int inFlight() {
        return inFlight.size();
    }

    private void refuse(List<Pending> chunk, NotStoredException why) {
        for (Pending p : chunk) {
            inFlight.remove(p.id(), p);
            p.stored().completeExceptionally(why);
            p.answer().completeExceptionally(why);
        }
    }

    private void onReply(Message reply) {
        List<SwipeMessages.Answer> answers;
        try {
            answers = messages.decodeAnswers(((TextMessage) reply).getText());
        } catch (JMSException | RuntimeException e) {
            log.warn("unreadable reply on {} ignored: {}", replyAddress, e.getMessage());
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
            String correlation = answer.correlationId();
            if (correlation == null || !correlation.startsWith(incarnation)) {
                continue; // meant for an earlier run of this node
            }
            String id = correlation.substring(incarnation.length());
            Pending waiting = inFlight.remove(id);
            if (waiting != null) {
                try {
                    waiting.stored().complete(null); // answered means stored, whatever became of the confirmation
                    waiting.answer().complete(answer.outcome());
                } catch (RuntimeException e) {
                    log.warn("answering {} failed: {}", id, e.getMessage());
                }
            }
        }
    }

    /** Refuses new swipes from now on (they are told the hub is stopping); what is in flight still gets its answer. */
    public void stopAccepting() {
        accepting = false;
    }

    /** Waits until every swipe submitted here has its answer, or the time is up; true when none is left. */
    public boolean awaitAnswered(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            CompletableFuture<?>[] waiting = inFlight.values().stream().map(Pending::answer).toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.allOf(waiting).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // some failed or the time is up: the loop looks again
            }
        }
        return inFlight.isEmpty();
    }

    @Override
    public void close() {
        accepting = false;
        senders.shutdown();
        answerers.shutdown();
        try {
            senders.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        broker.close();
    }
}
