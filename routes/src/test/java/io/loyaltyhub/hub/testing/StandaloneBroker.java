package io.loyaltyhub.hub.testing;

import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * A real Artemis broker of its own, as an external production broker is to the hub: persistent, journal synced, one
 * TCP acceptor. {@link #stop()} and {@link #start()} again on the same directory and port are a broker restart.
 */
public final class StandaloneBroker implements AutoCloseable {
    private final Path directory;
    private final int port;
    private EmbeddedActiveMQ server;

    public StandaloneBroker(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    public String url() {
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
                .addAcceptorConfiguration("tcp", url());
        config.addAddressSetting("#", new AddressSettings().setDeadLetterAddress(
                org.apache.activemq.artemis.api.core.SimpleString.of("hub.dead-letters")).setMaxDeliveryAttempts(5));
        server = new EmbeddedActiveMQ().setConfiguration(config);
        server.start();
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
