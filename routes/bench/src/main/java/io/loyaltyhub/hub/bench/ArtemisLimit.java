package io.loyaltyhub.hub.bench;

import io.loyaltyhub.hub.broker.BrokerAddresses;
import io.loyaltyhub.hub.broker.BrokerLogin;
import io.loyaltyhub.hub.broker.EmbeddedBroker;
import io.loyaltyhub.hub.broker.terminals.TerminalBrokerSecurity;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The broker's limit: persistent messages of a swipe's size sent and received through the same embedded
 * Artemis configuration the hub uses (journal synced), producers sending in transacted batches and consumers
 * receiving in transacted batches, as the hub's batch consumer does. Counted: messages received and committed.
 */
final class ArtemisLimit {
    private static final String BODY = "{\"m\":1,\"s\":2,\"t\":3,\"ref\":\"R0000000001\",\"type\":\"SALE\",\"tok\":\""
            + "0".repeat(64) + "\",\"kv\":1,\"l4\":\"1238\",\"rng\":5,\"amt\":1999,\"cur\":\"EUR\",\"at\":\"2026-11-23T10:15:30+01:00\",\"ch\":\"HTTP_JSON\"}";

    static double messagesPerSecond(long journalSyncNanos, int producers, int consumers, int batch,
                                    Duration duration) throws Exception {
        Path dir = Files.createTempDirectory("bench-artemis");
        BrokerLogin login = new BrokerLogin("bench", java.util.UUID.randomUUID().toString());
        try (EmbeddedBroker broker = new EmbeddedBroker(dir, "127.0.0.1", 0, journalSyncNanos,
                TerminalBrokerSecurity.hubOnly(login), config -> config.putSecurityRoles("#", java.util.Set.of(
                        new org.apache.activemq.artemis.core.security.Role(TerminalBrokerSecurity.HUB_ROLE, true, true, true, true,
                                true, true, true, true, true, true, true, true))));
             ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0")) {
            broker.start();
            AtomicBoolean sending = new AtomicBoolean(true);
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicLong received = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            try (Connection connection = login.connect(factory)) {
                connection.start();
                for (int p = 0; p < producers; p++) {
                    Session s = connection.createSession(true, Session.SESSION_TRANSACTED);
                    threads.add(new Thread(() -> produce(s, batch, sending)));
                }
                for (int c = 0; c < consumers; c++) {
                    Session s = connection.createSession(true, Session.SESSION_TRANSACTED);
                    threads.add(new Thread(() -> consume(s, batch, sending, received)));
                }
                threads.forEach(t -> t.setUncaughtExceptionHandler((thread, e) -> failures.add(e)));
                threads.forEach(Thread::start);
                Thread.sleep(duration.toMillis()); // a benchmark's measuring window, not a test wait
                long count = received.get();
                sending.set(false);
                for (Thread t : threads) {
                    t.join(10_000);
                }
                if (!failures.isEmpty()) {
                    throw new IllegalStateException("the broker limit could not be measured: " + failures.get(0).getMessage(),
                            failures.get(0));
                }
                return count / (duration.toMillis() / 1000.0);
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static void produce(Session s, int batch, AtomicBoolean sending) {
        try (MessageProducer p = s.createProducer(s.createQueue(BrokerAddresses.SWIPES))) {
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            while (sending.get()) {
                for (int i = 0; i < batch; i++) {
                    p.send(s.createTextMessage(BODY));
                }
                s.commit();
            }
        } catch (Exception e) {
            if (sending.get()) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void consume(Session s, int batch, AtomicBoolean sending, AtomicLong received) {
        try {
            Queue q = s.createQueue(BrokerAddresses.SWIPES);
            try (MessageConsumer c = s.createConsumer(q)) {
                while (sending.get()) {
                    int n = 0;
                    if (c.receive(200) != null) {
                        n++;
                        while (n < batch && c.receiveNoWait() != null) {
                            n++;
                        }
                    }
                    s.commit();
                    received.addAndGet(n);
                }
            }
        } catch (Exception e) {
            if (sending.get()) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private ArtemisLimit() {
    }
}
