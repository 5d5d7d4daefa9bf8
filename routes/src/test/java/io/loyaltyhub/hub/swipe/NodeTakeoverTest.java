package io.loyaltyhub.hub.swipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyhub.domain.card.CardProgramme;
import io.loyaltyhub.domain.card.CheckDigitRule;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.testing.TestDatabases;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import io.loyaltyhub.hub.broker.BrokerAddresses;
import io.loyaltyhub.hub.testing.ChildHub;
import io.loyaltyhub.hub.testing.StandaloneBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one external broker and one MariaDB; one of them is killed with {@code kill -9} while it owns every
 * lane of the swipe queue (its engine workers took each lane's message group first). The survivor gets the lanes
 * within seconds — the short connection TTL ({@code hub.broker.connection-ttl-ms}) — and credits every swipe sent
 * to it, where the broker's default one-minute TTL kept the dead node's groups, and the swipes behind them, for a
 * minute. Nothing is left on the broker named after the dead process.
 */
@Slow
class NodeTakeoverTest {
    private static final int CARDS = 32; // several cards per lane: every one of the eight lanes is used

    @TempDir
    Path brokerDir;
    @TempDir
    Path nodeOneDir;
    @TempDir
    Path nodeTwoDir;

    private static String sale(String ref, String card) {
        return "{\"txnRef\":\"" + ref + "\",\"type\":\"SALE\",\"cardNumber\":\"" + card + "\",\"amount\":1000"
                + ",\"currency\":\"EUR\",\"occurredAt\":\"2026-11-23T10:15:30+01:00\"}";
    }

    @Test
    void whenANodeIsKilledTheOtherTakesItsLanesWithinSecondsAndCreditsEverySwipe() throws Exception {
        DatabaseConfig mysql = TestDatabases.freshMySql();
        StandaloneBroker broker = new StandaloneBroker(brokerDir).start();
        Map<String, String> shared = Map.of("hub.broker.url", broker.url(), "hub.db.url", mysql.url(),
                "hub.db.user", mysql.user(), "hub.db.password", mysql.password(), "hub.swipe.reply-timeout-ms", "3000");
        ChildHub nodeTwo = null;
        try {
            Merchant shop;
            try (HubFixture setUp = HubFixture.startIn(nodeOneDir, withNode(shared, 1), List.of())) {
                CardProgramme programme = setUp.hub().admin().createCardProgramme("coalition", "628000", 16, CheckDigitRule.LUHN);
                setUp.hub().admin().issueCardRange(programme, HubFixture.RANGE_FIRST, HubFixture.RANGE_LAST);
                shop = setUp.merchant();
            }
            copyKeystore(nodeOneDir, nodeTwoDir); // one coalition, one card key: both nodes tokenize alike

            nodeTwo = ChildHub.run(nodeTwoDir, withNode(shared, 2));
            String nodeTwoUrl = "http://127.0.0.1:" + nodeTwo.awaitHttpPort(Duration.ofSeconds(90)) + "/pos/v1/transactions";
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            // Alone on the queue, node two's engine workers become the owners of every lane's message group.
            for (int i = 0; i < CARDS; i++) {
                String ref = "two-" + i;
                String card = HubFixture.card(950_000 + i);
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                        .until(() -> send(http, nodeTwoUrl, shop, sale(ref, card)).statusCode() == 200);
            }

            try (HubFixture nodeOne = HubFixture.startIn(nodeOneDir, withNode(shared, 1), List.of())) {
                nodeTwo.process().destroyForcibly(); // SIGKILL: its broker sessions are not closed, the broker has to notice
                nodeTwo.process().waitFor();

                List<String> cards = new ArrayList<>();
                for (int i = 0; i < CARDS; i++) {
                    cards.add(HubFixture.card(950_000 + i));
                }
                String nodeOneUrl = nodeOne.baseUrl() + "/pos/v1/transactions";
                // Every card's second sale, sent to the survivor at once and resent, as a till would, until approved.
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                        .until(() -> everyOneApproved(http, nodeOneUrl, shop, cards));
                for (String card : cards) {
                    assertThat(nodeOne.balanceOf(card)).as(card).isEqualTo(20);
                }
                assertThat(nodeOne.queryLong("SELECT COUNT(*) FROM purchase WHERE merchant_id = ?", shop.id().value()))
                        .isEqualTo(2L * CARDS);
                // One reply queue per node, whatever happened to the node: nothing named after a dead process stays.
                assertThat(broker.queueNames()).containsExactlyInAnyOrder(BrokerAddresses.SWIPES,
                        BrokerAddresses.DEAD_LETTERS, "hub.replies.1", "hub.replies.2");
            }
        } finally {
            if (nodeTwo != null) {
                nodeTwo.close();
            }
            broker.close();
            TestDatabases.dropMySql(mysql);
        }
    }

    private static boolean everyOneApproved(HttpClient http, String url, Merchant shop, List<String> cards) {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            answers.add(http.sendAsync(request(url, shop, sale("one-" + i, cards.get(i))), HttpResponse.BodyHandlers.ofString()));
        }
        return answers.stream().allMatch(answer -> answer.handle((r, failed) -> r != null && r.statusCode() == 200).join());
    }

    private static Map<String, String> withNode(Map<String, String> shared, int node) {
        Map<String, String> settings = new HashMap<>(shared);
        settings.put("hub.node-id", Integer.toString(node));
        return settings;
    }

    private static void copyKeystore(Path from, Path to) throws Exception {
        Files.createDirectories(to.resolve("keys"));
        for (String file : List.of("hub.bcfks", "keystore.pass")) {
            Files.copy(from.resolve("keys").resolve(file), to.resolve("keys").resolve(file));
        }
    }

    private static HttpResponse<String> send(HttpClient http, String url, Merchant shop, String body) throws Exception {
        return http.send(request(url, shop, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String url, Merchant shop, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", shop.basicAuth())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
