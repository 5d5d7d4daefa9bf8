package io.loyaltyhub.hub.swipe;

import io.loyaltyhub.hub.broker.BrokerLogin;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to the broker that comes back by itself. When the broker goes away (restart, network, failover)
 * the connection is dropped and made again with growing pauses (from {@link #FIRST_PAUSE} to {@link #LONGEST_PAUSE});
 * each time it is up, {@code onConnected} builds what its owner needs on it (sessions, consumers). Meanwhile
 * {@link #isUp()} is false, which the owner turns into "not stored, send again" answers and readiness into "not ready".
 */
public final class BrokerConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BrokerConnection.class);
    static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final String name;
    private final ConnectionFactory factory;
    private final BrokerLogin login;
    private final Setup onConnected;
    private final ScheduledExecutorService reconnector;
    private volatile Connection current;
    private volatile boolean closed;
    private volatile String lastProblem = "not connected yet";
    private long pauseMillis = FIRST_PAUSE.toMillis();

    /** What the owner builds on each new connection, before it is started. */
    @FunctionalInterface
    public interface Setup {
        void on(Connection connection) throws JMSException;
    }

    public BrokerConnection(String name, ConnectionFactory factory, BrokerLogin login, Setup onConnected) {
        this.name = name;
        this.factory = factory;
        this.login = login;
        this.onConnected = onConnected;
        this.reconnector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-reconnect");
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects now; if the broker cannot be reached, keeps trying in the background and returns false. */
    public boolean start() {
        return connect();
    }

    /** The connection while it is up; null while the broker is away. */
    public Connection current() {
        return current;
    }

    public boolean isUp() {
        return current != null;
    }

    /** Waits until the connection is up (or the time is over, or it is closed); returns it, or null. */
    public Connection awaitUp(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        synchronized (this) {
            while (current == null && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return current;
        }
    }

    /** Why the connection is down (for readiness and logs); meaningful while {@link #isUp()} is false. */
    public String problem() {
        return lastProblem;
    }

    private synchronized boolean connect() {
        if (closed || current != null) {
            return current != null;
        }
        Connection c = null;
        try {
            c = login.connect(factory);
            Connection failed = c;
            c.setExceptionListener(e -> lost(failed, e));
            onConnected.on(c);
            c.start();
            current = c;
            notifyAll();
            pauseMillis = FIRST_PAUSE.toMillis();
            log.info("{}: connected to the broker", name);
            return true;
        } catch (JMSException | RuntimeException e) {
            lastProblem = String.valueOf(e.getMessage());
            closeQuietly(c);
            log.warn("{}: broker unreachable ({}); trying again in {} ms", name, e.getMessage(), pauseMillis);
            scheduleReconnect();
            return false;
        }
    }

    /** Called by the broker client when the connection failed, and by owners that found it broken. */
    public void lost(Connection connection, Exception cause) {
        synchronized (this) {
            if (connection != current || current == null) {
                return;
            }
            current = null;
            lastProblem = String.valueOf(cause.getMessage());
        }
        log.warn("{}: broker connection lost ({}); reconnecting", name, cause.getMessage());
        closeQuietly(connection);
        scheduleReconnect();
    }

    private synchronized void scheduleReconnect() {
        if (closed) {
            return;
        }
        long pause = pauseMillis;
        pauseMillis = Math.min(LONGEST_PAUSE.toMillis(), pauseMillis * 2);
        try {
            reconnector.schedule(this::connect, pause, TimeUnit.MILLISECONDS);
        } catch (RuntimeException shuttingDown) {
            // closed meanwhile
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (JMSException | RuntimeException ignored) {
                // it is broken already
            }
        }
    }

    @Override
    public void close() {
        Connection c;
        synchronized (this) {
            closed = true;
            c = current;
            current = null;
            notifyAll();
        }
        reconnector.shutdownNow();
        closeQuietly(c);
    }
}
