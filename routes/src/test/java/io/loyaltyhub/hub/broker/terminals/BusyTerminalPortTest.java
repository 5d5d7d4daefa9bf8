package io.loyaltyhub.hub.broker.terminals;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Artemis only logs an acceptor that cannot bind; the hub refuses to start instead, naming the port. */
@Slow
class BusyTerminalPortTest {
    @Test
    void aTerminalPortThatIsTakenStopsTheHubFromStarting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> HubFixture.start(Map.of("hub.broker.mqtt.port", Integer.toString(taken.getLocalPort())),
                    List.of(new BrokerTerminalsExtension())).close())
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
        }
    }
}
