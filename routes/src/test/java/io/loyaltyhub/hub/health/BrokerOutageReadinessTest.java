package io.loyaltyhub.hub.health;

import static io.loyaltyhub.hub.health.ReadinessTest.awaitNotReady;
import static io.loyaltyhub.hub.health.ReadinessTest.awaitReady;
import static io.loyaltyhub.hub.health.ReadinessTest.get;
import static io.loyaltyhub.hub.health.ReadinessTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.testing.TcpRelay;
import io.loyaltyhub.hub.broker.EmbeddedBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 19: the hub on an external Artemis (a real broker in this JVM) reached through a relay the test
 * breaks: while the broker cannot be reached the hub is unready, naming the broker; when it is back, ready again.
 */
@Slow
class BrokerOutageReadinessTest {
    private static final String USER = "hub";
    private static final String PASSWORD = "broker-secret";

    /** The external broker's own login: only the hub's user. */
    private static final class HubOnly implements ActiveMQSecurityManager {
        @Override
        public boolean validateUser(String user, String password) {
            return USER.equals(user) && PASSWORD.equals(password);
        }

        @Override
        public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
            return validateUser(user, password);
        }
    }

    @Test
    void aBrokerThatCannotBeReachedMakesTheHubUnreadyNamingTheBroker() throws Exception {
        Path brokerDir = Files.createTempDirectory("external-broker");
        EmbeddedBroker external = new EmbeddedBroker(brokerDir, "127.0.0.1", 0, "nio", 1_000_000, new HubOnly(),
                config -> { });
        external.start();
        try (TcpRelay relay = new TcpRelay("127.0.0.1", external.corePort());
             HubFixture fixture = HubFixture.start(Map.of("hub.broker.url", "tcp://127.0.0.1:" + relay.port(),
                     "hub.broker.user", USER, "hub.broker.password", PASSWORD, "hub.health.probe-interval-ms", "500",
                     "hub.health.probe-timeout-ms", "1000"), List.of())) {
            awaitReady(fixture);

            relay.drop();
            var down = awaitNotReady(fixture, "broker");
            assertThat(json(down).get("detail").asText()).contains("broker: ");
            assertThat(json(down).get("checks").get("database").asText()).isEqualTo("up");
            long started = System.nanoTime();
            assertThat(get(fixture, "/health/ready").statusCode()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

            relay.forward();
            awaitReady(fixture);
        } finally {
            external.close();
        }
    }
}
