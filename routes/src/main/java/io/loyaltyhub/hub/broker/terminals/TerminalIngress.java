package io.loyaltyhub.hub.broker.terminals;

import io.loyaltyhub.adapters.json.JsonSwipeCodec;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.Submitted;
import io.loyaltyhub.hub.logging.RepeatedWarning;
import io.loyaltyhub.hub.swipe.SwipeGateway;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQDestination;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's edge for broker-native terminals. It takes every message published to {@code pos.in.#} (one shared,
 * non-durable subscription, so the messages, card numbers and all, live in memory only), checks and decodes it,
 * hands the transaction to the one crediting path ({@link SwipeGateway}), and answers on the terminal's reply
 * address: the engine's answer, "pending" when that takes longer than the reply timeout (then the answer when it
 * comes), or a coded rejection, whose redacted copy is also dead-lettered. Messages are acknowledged as they are
 * taken and the listener never throws, so the broker never redelivers (nor dead-letters) an original.
 * Plain JMS rather than a Camel route: the check needs the broker's sender stamp and the published address.
 */
final class TerminalIngress extends ServiceSupport {
    private static final Logger log = LoggerFactory.getLogger(TerminalIngress.class);
    /** Refusals that can come by the thousand under overload: one line per kind every 10 s, with the count left out. */
    private final RepeatedWarning notStoredWarnings = new RepeatedWarning(log, Duration.ofSeconds(10),
            java.time.Clock.systemUTC());
    static final String SUBSCRIPTION = "hub.terminal-ingress";
    private static final Duration RETRY_FIRST = Duration.ofMillis(100);
    private static final Duration RETRY_MAX = Duration.ofSeconds(5);

    private final Callable<Connection> connections;
    private final IngressCheck check;
    private final JsonSwipeCodec codec;
    private final SwipeGateway gateway;
    private final Duration replyTimeout;
    private final int consumers;
    private final int maxMessageBytes;
    private final ExecutorService replyThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "broker-terminal-replies");
        t.setDaemon(true);
        return t;
    });
    /** Opens the connection again after the broker was lost (an external broker's outage or failover). */
    private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "broker-terminal-reconnect");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;
    private volatile Connection connection;
    private volatile TerminalReplies replies;

    TerminalIngress(Callable<Connection> connections, IngressCheck check, JsonSwipeCodec codec, SwipeGateway gateway,
                    Duration replyTimeout, int consumers, int maxMessageBytes) {
        this.connections = connections;
        this.check = check;
        this.codec = codec;
        this.gateway = gateway;
        this.replyTimeout = replyTimeout;
        this.consumers = consumers;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Connects and subscribes; a broker that cannot be reached now (an external broker that is down) is tried again
     * in the background, as is one lost later, so the hub starts and recovers as its swipe queue does.
     */
    @Override
    protected void doStart() {
        try {
            open();
        } catch (Exception e) {
            log.warn("broker terminals: cannot reach the broker ({}); trying again in the background", e.getMessage());
            reconnectIn(RETRY_FIRST);
        }
    }

    private synchronized void open() throws Exception {
        Connection fresh = connections.call();
        try {
            fresh.setExceptionListener(e -> lost(fresh, e));
            TerminalReplies freshReplies = replyThread.submit(() -> new TerminalReplies(fresh)).get();
            for (int i = 0; i < consumers; i++) {
                Session session = fresh.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Topic ingress = session.createTopic(TerminalAddress.ALL_INGRESS);
                MessageConsumer consumer = session.createSharedConsumer(ingress, SUBSCRIPTION);
                consumer.setMessageListener(this::onMessage);
            }
            TerminalReplies old = replies;
            replies = freshReplies;
            connection = fresh;
            if (old != null) {
                replyThread.execute(() -> {
                    try {
                        old.close();
                    } catch (JMSException | RuntimeException e) {
                        log.debug("closing the replies of a lost connection: {}", e.getMessage());
                    }
                });
            }
            fresh.start();
        } catch (Exception e) {
            closeQuietly(fresh);
            throw e;
        }
    }

    private void lost(Connection lost, JMSException e) {
        if (stopping || lost != connection) {
            return;
        }
        log.warn("broker terminals: connection to the broker lost ({}); reconnecting", e.getMessage());
        closeQuietly(lost);
        reconnectIn(RETRY_FIRST);
    }

    private void reconnectIn(Duration delay) {
        if (stopping) {
            return;
        }
        reconnects.schedule(() -> {
            if (stopping) {
                return;
            }
            try {
                open();
                log.info("broker terminals: connected to the broker again");
            } catch (Exception e) {
                Duration next = delay.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : delay.multipliedBy(2);
                log.debug("broker terminals: broker still unreachable ({}); next try in {} ms", e.getMessage(), next.toMillis());
                reconnectIn(next);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (JMSException | RuntimeException e) {
            log.debug("closing a lost broker connection: {}", e.getMessage());
        }
    }

    private void onMessage(Message message) {
        String address = null;
        String sender = null;
        byte[] body = null;
        try {
            address = message.getJMSDestination() instanceof ActiveMQDestination d ? d.getAddress() : null;
            sender = message.getStringProperty(SenderStamp.SENDER);
            long length = bodyLength(message);
            body = body(message, length);
            IngressCheck.Result result = check.check(address, sender, body, length);
            String correlationId = message.getJMSCorrelationID();
            if (result.isAccepted()) {
                submit(result.transaction(), result.replyTo(), correlationId);
            } else {
                reject(result, body, address, sender, correlationId);
            }
        } catch (JMSException | RuntimeException e) {
            log.error("message on {} could not be handled: {}", address, e.getMessage());
            reject(IngressCheck.Result.rejected("internal-error", "unexpected error; nothing was accepted",
                    TerminalAddress.ofIngress(address).orElse(null)), body, address, sender, null);
        }
    }

    private void submit(PosTransaction txn, TerminalAddress terminal, String correlationId) {
        Submitted submitted = gateway.submit(txn);
        submitted.verdictWithin(replyTimeout).thenAcceptAsync(verdict -> guarded(txn, () -> {
            if (verdict instanceof Submitted.Answered answered) {
                replies.answer(terminal, codec.encodeOutcome(txn, answered.outcome()), correlationId);
            } else if (verdict instanceof Submitted.NotStored notStored) {
                // Not bad input, so nothing to dead-letter: the terminal is told to send it again.
                notStoredWarnings.warn(notStored.code(), "transaction {} {}: {}", txn.key(), notStored.code(), notStored.reason());
                replies.reject(terminal, notStored.code(), notStored.reason(), txn.txnRef().value(), correlationId);
            } else {
                replies.answer(terminal, codec.encodePending(txn), correlationId);
                // Unlike HTTP the terminal is still listening: send the answer too once it comes.
                submitted.answer().thenAcceptAsync(late -> guarded(txn,
                        () -> replies.answer(terminal, codec.encodeOutcome(txn, late), correlationId)), replyThread);
            }
        }), replyThread);
    }

    /** Runs a reply step; a failure is logged, because a future would otherwise keep it to itself. */
    private static void guarded(PosTransaction txn, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.error("no reply sent for transaction {}: {}", txn.key(), e.getMessage());
        }
    }

    private void reject(IngressCheck.Result result, byte[] body, String address, String sender, String correlationId) {
        log.warn("message on {} from {} rejected: {}", address, sender, result.code());
        replyThread.execute(() -> {
            replies.reject(result.replyTo(), result.code(), result.detail(), RedactedCopy.txnRef(body).orElse(null), correlationId);
            replies.deadLetter(body, result.code(), result.detail(), address, sender);
        });
    }

    private static long bodyLength(Message message) throws JMSException {
        if (message instanceof TextMessage t) {
            String text = t.getText();
            return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
        }
        return message instanceof BytesMessage b ? b.getBodyLength() : 0;
    }

    /** The body, at most maxMessageBytes of it (more is refused anyway and only a cut copy is kept); null for other types. */
    private byte[] body(Message message, long length) throws JMSException {
        if (message instanceof TextMessage t) {
            byte[] text = t.getText() == null ? new byte[0] : t.getText().getBytes(StandardCharsets.UTF_8);
            return text.length > maxMessageBytes ? java.util.Arrays.copyOf(text, maxMessageBytes) : text;
        }
        if (message instanceof BytesMessage b) {
            byte[] bytes = new byte[(int) Math.min(length, maxMessageBytes)];
            b.readBytes(bytes);
            return bytes;
        }
        return null;
    }

    @Override
    protected void doStop() throws Exception {
        stopping = true;
        reconnects.shutdownNow();
        synchronized (this) {
            if (connection != null) {
                connection.close();
            }
        }
        replyThread.submit(() -> {
            if (replies != null) {
                replies.close();
            }
            return null;
        }).get(5, TimeUnit.SECONDS);
        replyThread.shutdown();
    }
}
