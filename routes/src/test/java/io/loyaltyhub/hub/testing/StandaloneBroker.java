package io.loyaltyhub.hub.testing;

import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * A real Artemis broker of its own, as an external production broker is to the hub: persistent, journal synced, one
 * TCP acceptor. The first {@link #start()} binds a port the operating system chooses (no other process can take it
 * between choosing and binding); {@link #stop()} and {@link #start()} again are a broker restart on the same directory
 * and that same port, as the hub expects of its broker. (Only a restart can lose the port: another process may bind
 * it while the broker is down, and the restart then fails saying so.)
 */
public final class StandaloneBroker implements AutoCloseable {
    private final Path directory;
    private int port;
    private EmbeddedActiveMQ server;

    public StandaloneBroker(Path directory) {
        this.directory = directory;
    }

    /** Where the broker listens; known once it has started. */
    public String url() {
        if (port == 0) {
            throw new IllegalStateException("the broker has not started yet: its port is not chosen");
        }
        return "tcp://127.0.0.1:" + port;
    }

    public StandaloneBroker start() throws Exception {
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(directory.resolve("journal").toString())
                .setBindingsDirectory(directory.resolve("bindings").toString())
                .setLargeMessagesDirectory(directory.resolve("large").toString())
                .setPagingDirectory(directory.resolve("paging").toString())
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        config.addAddressSetting("#", new AddressSettings().setDeadLetterAddress(
                org.apache.activemq.artemis.api.core.SimpleString.of("hub.dead-letters")).setMaxDeliveryAttempts(5));
        server = new EmbeddedActiveMQ().setConfiguration(config);
        server.start();
        if (!(server.getActiveMQServer().getRemotingService().getAcceptor("tcp") instanceof NettyAcceptor acceptor)
                || acceptor.getActualPort() <= 0) {
            stop();
            throw new IllegalStateException("the broker could not listen on " + (port == 0 ? "a free port" : "port " + port));
        }
        port = acceptor.getActualPort();
        return this;
    }

    /** Messages waiting on a queue (0 when it does not exist). */
    public long messagesOn(String queue) {
        var q = server.getActiveMQServer().locateQueue(org.apache.activemq.artemis.api.core.SimpleString.of(queue));
        return q == null ? 0 : q.getMessageCount();
    }

    /** The names of every queue on the broker but its own internal ones ({@code $sys.…}). */
    public java.util.Set<String> queueNames() {
        return server.getActiveMQServer().getPostOffice().getAllBindings()
                .filter(binding -> binding instanceof org.apache.activemq.artemis.core.postoffice.QueueBinding)
                .map(binding -> binding.getUniqueName().toString())
                .filter(name -> !name.startsWith("$sys."))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    public void stop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
