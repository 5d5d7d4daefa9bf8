package io.loyaltyhub.hub.health;

import io.loyaltyhub.hub.broker.BrokerAddresses;
import io.loyaltyhub.hub.broker.BrokerLogin;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Optional;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Can the hub reach its broker, and how long has the oldest swipe been waiting for the engine? One round trip over a
 * connection of its own (never reconnecting behind the probe's back, every call bounded by the timeout): a session is
 * opened and the head of the swipe queue is browsed — its send time says how far the engine workers (of every node on
 * this broker) are behind. Swipes an engine worker has already taken are not waiting and do not count.
 */
final class SwipeQueueProbe implements PeriodicProbe.Probe, AutoCloseable {
    private final ActiveMQConnectionFactory factory;
    private final BrokerLogin login;
    private final Clock clock;
    private Connection connection;
    private volatile Measured lastMeasured;

    /** The age of the oldest waiting swipe (zero when none waits), and when that was measured. */
    record Measured(Duration oldestWaiting, Instant at) {
    }

    SwipeQueueProbe(String brokerUrl, BrokerLogin login, Duration timeout, Clock clock) {
        this.factory = new ActiveMQConnectionFactory(brokerUrl);
        factory.setCallTimeout(timeout.toMillis());
        factory.setCallFailoverTimeout(timeout.toMillis());
        factory.setInitialConnectAttempts(1);
        factory.setReconnectAttempts(0);
        factory.setClientFailureCheckPeriod(Math.max(1_000, timeout.toMillis()));
        factory.setConnectionTTL(Math.max(2_000, 2 * timeout.toMillis()));
        factory.setConsumerWindowSize(0);
        this.login = login;
        this.clock = clock;
    }

    @Override
    public Optional<String> run() {
        try {
            if (connection == null) {
                connection = login.connect(factory);
                connection.setExceptionListener(e -> closeConnection());
                connection.start();
            }
            lastMeasured = new Measured(oldestWaiting(), clock.instant());
            return Optional.empty();
        } catch (JMSException | RuntimeException e) {
            closeConnection();
            return Optional.of("cannot reach the broker: " + e.getMessage());
        }
    }

    private Duration oldestWaiting() throws JMSException {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(BrokerAddresses.SWIPES))) {
            Enumeration<?> waiting = browser.getEnumeration();
            if (!waiting.hasMoreElements()) {
                return Duration.ZERO;
            }
            long sentAt = ((Message) waiting.nextElement()).getJMSTimestamp();
            if (sentAt <= 0) {
                return Duration.ZERO;
            }
            Duration age = Duration.between(Instant.ofEpochMilli(sentAt), clock.instant());
            return age.isNegative() ? Duration.ZERO : age;
        }
    }

    /** The last measurement, or null before the first one. */
    Measured lastMeasured() {
        return lastMeasured;
    }

    @Override
    public void close() {
        closeConnection();
        factory.close();
    }

    private synchronized void closeConnection() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (JMSException ignored) {
                // already broken
            }
        }
    }
}
