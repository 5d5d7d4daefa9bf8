package io.loyaltyhub.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.testing.Slow;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone broker (the chaos suite's external broker) keeps the hub's messages across a restart and lets only the hub in. */
@Slow
class StandaloneBrokerCommandTest {
    private static final BrokerLogin LOGIN = new BrokerLogin("hub", "s3cret-for-the-test");

    @Test
    void aMessageTheHubSentIsStillThereAfterTheBrokerRestarts(@TempDir Path dataDir) throws Exception {
        int port;
        try (EmbeddedBroker broker = StandaloneBrokerCommand.start(dataDir, "127.0.0.1", 0, LOGIN, 1_000_000);
             ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + broker.corePort());
             Connection connection = LOGIN.connect(factory)) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            session.createProducer(session.createQueue(BrokerAddresses.SWIPES)).send(session.createTextMessage("swipe"));
            session.commit();
            port = broker.corePort();
        }
        // the restart on the port the hub nodes know (free again since the broker stopped)
        try (EmbeddedBroker broker = StandaloneBrokerCommand.start(dataDir, "127.0.0.1", port, LOGIN, 1_000_000);
             ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
             Connection connection = LOGIN.connect(factory)) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            Message received = session.createConsumer(session.createQueue(BrokerAddresses.SWIPES)).receive(10_000);
            session.commit();
            assertThat(received).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) received).getText()).isEqualTo("swipe");
        }
    }

    @Test
    void aWrongPasswordIsRefused(@TempDir Path dataDir) throws Exception {
        try (EmbeddedBroker broker = StandaloneBrokerCommand.start(dataDir, "127.0.0.1", 0, LOGIN, 1_000_000);
             ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + broker.corePort())) {
            assertThatThrownBy(() -> factory.createConnection(LOGIN.user(), "wrong").close())
                    .isInstanceOf(JMSSecurityException.class);
        }
    }
}
