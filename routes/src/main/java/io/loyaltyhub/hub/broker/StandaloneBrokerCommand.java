package io.loyaltyhub.hub.broker;

import io.loyaltyhub.hub.broker.terminals.TerminalBrokerSecurity;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.activemq.artemis.core.security.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The production "external broker" in miniature: a standalone Artemis server with a persistent journal synced
 * at every commit, one core TCP acceptor, and one login (role {@value TerminalBrokerSecurity#HUB_ROLE}, every
 * right) for the hub nodes that share it. The same address settings as the hub's embedded broker (the swipe
 * queue, dead letters after five deliveries). Hub nodes reach it with {@code -s hub.broker.url=tcp://HOST:PORT}
 * plus {@code hub.broker.user} and {@code hub.broker.password}. Used by the chaos suite, which kills it with
 * {@code kill -9}; a real deployment runs a full Artemis instance (see docker/compose.yml).
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a standalone ActiveMQ Artemis broker for hub nodes (persistent, synced journal, core TCP).")
public final class StandaloneBrokerCommand implements Callable<Integer> {
    @Option(names = "--data-dir", required = true, description = "journal, bindings, paging and large-message folders")
    Path dataDir;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address of the core acceptor (default ${DEFAULT-VALUE})")
    String host;
    @Option(names = "--port", defaultValue = "61616", description = "port of the core acceptor (default ${DEFAULT-VALUE}; 0 = a free one, printed at start)")
    int port;
    @Option(names = "--user", required = true, description = "the hub nodes' login")
    String user;
    @Option(names = "--password", description = "its password (or the environment variable HUB_BROKER_PASSWORD)")
    String password;
    @Option(names = "--journal-sync-nanos", defaultValue = "1000000",
            description = "journal buffer timeout: how long syncs are grouped (default ${DEFAULT-VALUE})")
    long journalSyncNanos;

    @Override
    public Integer call() throws InterruptedException {
        String secret = password != null ? password : System.getenv().getOrDefault("HUB_BROKER_PASSWORD", "");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("give the hub nodes' password with --password or HUB_BROKER_PASSWORD");
        }
        EmbeddedBroker broker = start(dataDir, host, port, new BrokerLogin(user, secret), journalSyncNanos);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        System.out.printf("Artemis broker listening on tcp://%s:%d (data in %s). Press Ctrl-C to stop.%n", host, broker.corePort(),
                dataDir.toAbsolutePath());
        stopped.await();
        return 0;
    }

    /** Starts the broker: the hub's address settings, one login with every right, the core acceptor on host:port. */
    static EmbeddedBroker start(Path dataDir, String host, int port, BrokerLogin login, long journalSyncNanos) {
        EmbeddedBroker broker = new EmbeddedBroker(dataDir, host, port, journalSyncNanos, TerminalBrokerSecurity.hubOnly(login),
                config -> config.putSecurityRoles("#", Set.of(new Role(TerminalBrokerSecurity.HUB_ROLE,
                        true, true, true, true, true, true, true, true, true, true, true, true))));
        broker.start();
        return broker;
    }
}
