package io.loyaltyhub.hub.swipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.testing.TestDatabases;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import io.loyaltyhub.hub.broker.BrokerAddresses;
import io.loyaltyhub.hub.testing.StandaloneBroker;
import io.loyaltyhub.hub.testing.TcpRelay;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.jms.Connection;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker or the database goes away under a running hub and comes back: the hub recovers by itself, tells
 * terminals only what is true meanwhile (a coded "send it again", or "pending" for what is stored), never
 * dead-letters a swipe because of an outage, and credits everything exactly once.
 */
@Slow
class OutagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path brokerDir;

    private static String sale(String ref, String card, long amount) {
        return "{\"txnRef\":\"" + ref + "\",\"type\":\"SALE\",\"cardNumber\":\"" + card + "\",\"amount\":" + amount
                + ",\"currency\":\"EUR\",\"occurredAt\":\"2026-11-23T10:15:30+01:00\"}";
    }

    @Test
    void anExternalBrokerThatRestartsIsReconnectedAndNothingIsLostOrDoubled() throws Exception {
        StandaloneBroker broker = new StandaloneBroker(brokerDir).start();
        try (HubFixture fixture = HubFixture.start(Map.of("hub.broker.url", broker.url(), "hub.swipe.reply-timeout-ms", "3000"),
                java.util.List.of())) {
            Merchant shop = fixture.merchant();
            String card = HubFixture.card(930_001);
            assertThat(fixture.swipe(shop, sale("b-1", card, 1000)).statusCode()).isEqualTo(200);

            broker.stop();
            await().atMost(Duration.ofSeconds(20)).until(() -> !fixture.hub().artemisGateway().broker().isUp());
            HttpResponse<String> whileDown = fixture.swipe(shop, sale("b-2", card, 2000));
            assertThat(whileDown.statusCode()).isEqualTo(503);
            assertThat(whileDown.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(JSON.readTree(whileDown.body()).get("code").asText()).isEqualTo("not-accepted");

            broker.start(); // on the port it had: the hub reconnects to the URL it was given
            // the till sends it again until it gets a final answer, as a real POS does
            await().atMost(Duration.ofSeconds(30)).until(() -> fixture.swipe(shop, sale("b-2", card, 2000)).statusCode() == 200);
            // a fresh swipe too (right after a recovery it may hear "overloaded" while the engine catches up, and resend)
            await().atMost(Duration.ofSeconds(30)).until(() -> fixture.swipe(shop, sale("b-3", card, 3000)).statusCode() == 200);

            assertThat(fixture.balanceOf(card)).isEqualTo(10 + 20 + 30);
            assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE merchant_id = ?", shop.id().value())).isEqualTo(3);
        } finally {
            broker.close();
        }
    }

    @Test
    void aDatabaseOutageLongerThanTheRedeliveriesIsWaitedOutAndNothingAnsweredPendingIsDeadLettered() throws Exception {
        DatabaseConfig mysql = TestDatabases.freshMySql();
        Matcher hostPort = Pattern.compile("//([^:/]+):(\\d+)/").matcher(mysql.url());
        assertThat(hostPort.find()).isTrue();
        try (TcpRelay network = new TcpRelay(hostPort.group(1), Integer.parseInt(hostPort.group(2)))) {
            String proxied = mysql.url().replace(hostPort.group(0), "//127.0.0.1:" + network.port() + "/");
            try (HubFixture fixture = HubFixture.start(Map.of("hub.db.url", proxied, "hub.db.user", mysql.user(),
                    "hub.db.password", mysql.password(), "hub.swipe.reply-timeout-ms", "1500"), java.util.List.of())) {
                Merchant shop = fixture.merchant();
                String card = HubFixture.card(930_101);
                assertThat(fixture.swipe(shop, sale("d-1", card, 1000)).statusCode()).isEqualTo(200);

                network.drop();
                HttpResponse<String> stored = fixture.swipe(shop, sale("d-2", card, 2000));
                assertThat(stored.statusCode()).as(stored.body()).isEqualTo(202);
                // Longer than five redeliveries would take if an outage counted against them.
                await().atMost(Duration.ofSeconds(60)).until(() -> fixture.hub().engineLag().behind().toSeconds() >= 12);
                HttpResponse<String> meanwhile = fixture.swipe(shop, sale("d-3", card, 3000));
                assertThat(meanwhile.statusCode()).isEqualTo(503);
                assertThat(JSON.readTree(meanwhile.body()).get("code").asText()).isEqualTo("overloaded");

                network.forward();
                await().atMost(Duration.ofSeconds(60)).until(() -> fixture.hub().engineLag().behind().isZero()
                        && fixture.swipe(shop, sale("d-3", card, 3000)).statusCode() == 200);
                JsonNode copy = JSON.readTree(fixture.swipe(shop, sale("d-2", card, 2000)).body());

                assertThat(copy.get("duplicate").asBoolean()).isTrue();
                assertThat(copy.get("points").asLong()).isEqualTo(20);
                assertThat(fixture.balanceOf(card)).isEqualTo(10 + 20 + 30);
                assertThat(messagesOn(fixture, BrokerAddresses.DEAD_LETTERS)).isZero();
            }
        } finally {
            TestDatabases.dropMySql(mysql);
        }
    }

    private static int messagesOn(HubFixture fixture, String queue) throws Exception {
        try (Connection connection = fixture.hub().openBrokerConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue(queue));
            int count = 0;
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); e.nextElement()) {
                count++;
            }
            return count;
        }
    }
}
