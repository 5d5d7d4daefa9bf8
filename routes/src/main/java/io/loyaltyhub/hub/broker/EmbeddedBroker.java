package io.loyaltyhub.hub.broker;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.io.aio.AIOSequentialFileFactory;
import org.apache.activemq.artemis.core.server.ActivateCallback;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker that runs inside the hub by default: persistent journal under the data directory, an in-VM
 * acceptor for the hub itself and a TCP acceptor for other clients. Security is always on: every connection,
 * the hub's own included, logs in through {@code security}; {@code channels} adds what terminal-facing channels
 * need (acceptors, address and security settings). Production points the hub at an external Artemis instead
 * (hub.broker.url) and this class is not used.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<String> unexpectedStop = new CompletableFuture<>();

    public EmbeddedBroker(Path directory, String tcpHost, int tcpPort, long journalSyncNanos,
                          ActiveMQSecurityManager security, BrokerChannels channels) {
        this(directory, tcpHost, tcpPort, "auto", journalSyncNanos, security, channels);
    }

    /** @param journalType {@code aio}, {@code nio}, or {@code auto}: AIO where libaio and the file system allow it */
    public EmbeddedBroker(Path directory, String tcpHost, int tcpPort, String journalType, long journalSyncNanos,
                          ActiveMQSecurityManager security, BrokerChannels channels) {
        try {
            JournalType journal = journalType(directory.resolve("journal"), journalType);
            log.info("broker journal: {} in {}, synced at every commit (buffer timeout {} µs)", journal == JournalType.ASYNCIO
                    ? "AIO (libaio)" : "NIO", directory.resolve("journal"), journalSyncNanos / 1_000);
            Configuration config = new ConfigurationImpl()
                    .setName("loyalty-hub")
                    .setPersistenceEnabled(true)
                    .setSecurityEnabled(true)
                    .setJournalType(journal)
                    .setJournalBufferTimeout_AIO((int) journalSyncNanos)
                    .setJournalDirectory(directory.resolve("journal").toString())
                    .setBindingsDirectory(directory.resolve("bindings").toString())
                    .setLargeMessagesDirectory(directory.resolve("large-messages").toString())
                    .setPagingDirectory(directory.resolve("paging").toString())
                    .setJournalBufferTimeout_NIO((int) journalSyncNanos)
                    .setJournalSyncTransactional(true)
                    .setJournalSyncNonTransactional(true)
                    .setJMXManagementEnabled(false)
                    .addAcceptorConfiguration("in-vm", "vm://0")
                    .addAcceptorConfiguration("tcp", "tcp://" + tcpHost + ":" + tcpPort + "?protocols=CORE");
            config.addAddressSetting("#", new AddressSettings()
                    .setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of(BrokerAddresses.DEAD_LETTERS))
                    .setMaxDeliveryAttempts(5)
                    .setRedeliveryDelay(100)
                    .setAutoCreateQueues(true)
                    .setAutoCreateAddresses(true));
            config.addQueueConfiguration(QueueConfiguration.of(BrokerAddresses.SWIPES)
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true));
            config.addQueueConfiguration(QueueConfiguration.of(BrokerAddresses.DEAD_LETTERS)
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true));
            channels.configure(config);
            server.setConfiguration(config);
            server.setSecurityManager(security);
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure the embedded broker: " + e.getMessage(), e);
        }
    }

    /** Adds to the broker's configuration before it starts. */
    /**
     * The journal the broker writes: Artemis' AIO journal (libaio, direct I/O) is faster at synced writes than
     * NIO, but needs the native library and a file system that supports direct I/O (tmpfs does not); without them
     * Artemis would fall back to NIO silently, so the choice is made, and logged, here.
     */
    static JournalType journalType(Path journalDirectory, String setting) throws java.io.IOException {
        switch (setting.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "nio":
                return JournalType.NIO;
            case "aio":
            case "auto":
                java.nio.file.Files.createDirectories(journalDirectory);
                boolean aio = AIOSequentialFileFactory.isSupported(journalDirectory.toFile());
                if (!aio && setting.equalsIgnoreCase("aio")) {
                    throw new IllegalStateException("hub.broker.journal-type=aio, but the AIO journal is not available in "
                            + journalDirectory + " (libaio missing, or a file system without direct I/O)");
                }
                return aio ? JournalType.ASYNCIO : JournalType.NIO;
            default:
                throw new IllegalArgumentException("hub.broker.journal-type must be auto, aio or nio, not '" + setting + "'");
        }
    }

    @FunctionalInterface
    public interface BrokerChannels {
        void configure(Configuration config) throws Exception;
    }

    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded broker: " + e.getMessage(), e);
        }
        // Artemis only logs an acceptor that cannot bind and runs on without it; a hub that silently does not
        // listen where it was told to is worse than one that does not start.
        // (After one failure Artemis starts none of the remaining acceptors, so all that are down are named.)
        java.util.List<String> down = new java.util.ArrayList<>();
        java.util.List<String> taken = new java.util.ArrayList<>();
        for (var acceptor : server.getActiveMQServer().getConfiguration().getAcceptorConfigurations()) {
            var running = server.getActiveMQServer().getRemotingService().getAcceptor(acceptor.getName());
            boolean bound = running instanceof org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor tcp
                    ? tcp.getActualPort() > 0 : running != null && running.isStarted();
            if (!bound) {
                Object host = acceptor.getParams().get("host");
                Object port = acceptor.getParams().get("port");
                down.add(acceptor.getName() + (port == null ? "" : " on " + host + ":" + port));
                if (port != null) {
                    io.loyaltyhub.hub.config.ListenAddress.whyNotFree(String.valueOf(host), Integer.parseInt(String.valueOf(port)))
                            .ifPresent(reason -> taken.add(acceptor.getName() + " on " + host + ":" + port + " (" + reason
                                    + "; change it with " + portSetting(acceptor.getName()) + ")"));
                }
            }
        }
        if (!down.isEmpty()) {
            close();
            throw new IllegalStateException("the embedded broker cannot listen: "
                    + (taken.isEmpty() ? "" : "the port of " + String.join(", ", taken) + " is taken; ")
                    + "not listening for " + String.join(", ", down)
                    + " (after one acceptor fails, Artemis starts none of the rest)");
        }
        watchForUnexpectedStop(server.getActiveMQServer());
    }

    /** The setting that moves an acceptor of the embedded broker. */
    private static String portSetting(String acceptor) {
        return "tcp".equals(acceptor) ? "hub.broker.embedded.port" : "hub.broker." + acceptor + ".port";
    }

    /**
     * Completes, with the reason, when the broker stops without having been closed — a journal write failed (Artemis
     * stops itself on a critical I/O error), or it was stopped from outside. The hub cannot take a swipe without it,
     * and the broker does not come back by itself: the process has to be restarted.
     */
    public CompletableFuture<String> unexpectedStop() {
        return unexpectedStop;
    }

    private void watchForUnexpectedStop(ActiveMQServer running) {
        running.registerIOCriticalErrorListener((code, message, file) ->
                stoppedUnexpectedly("critical journal I/O error " + code + " (" + message + ")"));
        running.registerActivateCallback(new ActivateCallback() {
            @Override
            public void deActivate() {
                stoppedUnexpectedly("the embedded broker stopped");
            }

            @Override
            public void stop(ActiveMQServer server) {
                stoppedUnexpectedly("the embedded broker stopped");
            }
        });
    }

    private void stoppedUnexpectedly(String reason) {
        if (!closing.get() && unexpectedStop.complete(reason)) {
            log.error("{}: no swipe can be taken until the hub is restarted", reason);
        }
    }

    /** The running Artemis server (for tests that stop it behind the hub's back). */
    ActiveMQServer artemis() {
        return server.getActiveMQServer();
    }

    /** The port of the core TCP acceptor (the configured one, or the one the operating system chose for port 0). */
    public int corePort() {
        return acceptorPort("tcp");
    }

    /**
     * The port a TCP acceptor listens on, by its name ({@code tcp} for the core protocol; {@code mqtt}, {@code amqp} and
     * {@code stomp} for terminals): the configured port, or the one the operating system chose for port 0.
     *
     * @throws IllegalStateException when the broker has no such acceptor listening
     */
    public int acceptorPort(String name) {
        var acceptor = server.getActiveMQServer() == null ? null
                : server.getActiveMQServer().getRemotingService().getAcceptor(name);
        if (acceptor instanceof org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor tcp && tcp.getActualPort() > 0) {
            return tcp.getActualPort();
        }
        throw new IllegalStateException("the embedded broker has no " + name + " acceptor listening");
    }

    @Override
    public void close() {
        closing.set(true);
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the embedded broker cleanly", e);
        }
    }
}
