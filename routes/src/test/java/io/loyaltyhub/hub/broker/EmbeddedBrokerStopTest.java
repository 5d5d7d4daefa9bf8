package io.loyaltyhub.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.broker.terminals.TerminalBrokerSecurity;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded broker that stops behind the hub's back (Artemis stops itself on a critical journal error) is reported,
 * so the process can exit and be restarted instead of refusing every swipe for ever; closing it is not.
 */
@Slow
class EmbeddedBrokerStopTest {
    @TempDir
    Path directory;

    private EmbeddedBroker startBroker() throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker(directory, "127.0.0.1", 0, "nio", 1_000_000,
                TerminalBrokerSecurity.hubOnly(new BrokerLogin("hub", "secret")), config -> { });
        broker.start();
        return broker;
    }

    @Test
    void aBrokerThatStopsWithoutBeingClosedSaysSo() throws Exception {
        EmbeddedBroker broker = startBroker();
        try {
            broker.artemis().stop();

            assertThat(broker.unexpectedStop().get(30, TimeUnit.SECONDS)).contains("embedded broker stopped");
        } finally {
            broker.close();
        }
    }

    @Test
    void closingTheBrokerIsNoFailure() throws Exception {
        EmbeddedBroker broker = startBroker();

        broker.close();

        assertThat(broker.unexpectedStop()).isNotDone();
    }
}
