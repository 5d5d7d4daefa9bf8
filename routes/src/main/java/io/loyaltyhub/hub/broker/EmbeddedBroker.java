package io.loyaltyhub.hub.broker;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The broker that runs inside the hub by default: persistent journal under the data directory, an in-VM
 * acceptor for the hub itself and a TCP acceptor for other clients. Production points the hub at an
 * external Artemis instead (hub.broker.url) and this class is not used.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();

    public EmbeddedBroker(Path directory, String tcpHost, int tcpPort, long journalSyncNanos) {
        try {
            Configuration config = new ConfigurationImpl()
                    .setName("loyalty-hub")
                    .setPersistenceEnabled(true)
                    .setSecurityEnabled(false)
                    .setJournalType(JournalType.NIO)
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
            server.setConfiguration(config);
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure the embedded broker: " + e.getMessage(), e);
        }
    }

    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded broker: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the embedded broker cleanly", e);
        }
    }
}
