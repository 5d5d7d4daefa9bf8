package io.loyaltyhub.hub.health;

import static io.loyaltyhub.hub.health.ReadinessTest.awaitNotReady;
import static io.loyaltyhub.hub.health.ReadinessTest.awaitReady;
import static io.loyaltyhub.hub.health.ReadinessTest.get;
import static io.loyaltyhub.hub.health.ReadinessTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.testing.TestDatabases;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.testing.TcpRelay;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 19: the hub on MariaDB through a relay the test breaks. Down or partitioned, the database makes the
 * hub unready within seconds, /health/ready keeps answering at once (the check never waits on the pool or on a
 * server that does not answer), and the hub is ready again when the database is back.
 */
@Slow
class DatabaseOutageReadinessTest {

    @Test
    void aDatabaseThatIsDownOrDoesNotAnswerMakesTheHubUnreadyAndTheCheckNeverHangs() throws Exception {
        DatabaseConfig db = TestDatabases.freshMySql();
        URI direct = URI.create(db.url().substring("jdbc:".length()));
        try (TcpRelay relay = new TcpRelay(direct.getHost(), direct.getPort())) {
            String viaRelay = db.url().replace(direct.getHost() + ":" + direct.getPort(), "127.0.0.1:" + relay.port());
            try (HubFixture fixture = HubFixture.start(Map.of("hub.db.url", viaRelay, "hub.db.user", db.user(),
                    "hub.db.password", db.password(), "hub.health.probe-interval-ms", "500",
                    "hub.health.probe-timeout-ms", "1000"), List.of())) {
                awaitReady(fixture);

                relay.drop();
                HttpResponse<String> down = awaitNotReady(fixture, "database");
                assertThat(down.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(json(down).get("detail").asText()).startsWith("database: ");
                relay.forward();
                awaitReady(fixture);

                relay.hang();
                awaitNotReady(fixture, "database");
                long started = System.nanoTime();
                HttpResponse<String> partitioned = get(fixture, "/health/ready");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
                assertThat(partitioned.statusCode()).isEqualTo(503);
                assertThat(json(partitioned).get("checks").get("database").asText()).isNotEqualTo("up");
                assertThat(get(fixture, "/health/live").statusCode()).isEqualTo(200);
                relay.forward();
                awaitReady(fixture);
            }
        } finally {
            TestDatabases.dropMySql(db);
        }
    }
}
