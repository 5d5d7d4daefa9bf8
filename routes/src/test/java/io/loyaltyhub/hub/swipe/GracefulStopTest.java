package io.loyaltyhub.hub.swipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import io.loyaltyhub.hub.testing.ChildHub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM under load, to a hub running as its own process: it stops taking swipes (terminals are told it is
 * stopping and to send them again), answers what it has taken, exits with 0, and after the restart every swipe
 * answered approved or pending is credited exactly once.
 */
@Slow
class GracefulStopTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SWIPES = 300;

    @TempDir
    Path dataDir;

    @Test
    void aHubToldToStopAnswersWhatItTookExitsCleanlyAndLosesNothing() throws Exception {
        Merchant shop;
        try (HubFixture setUp = HubFixture.start(Map.of("hub.data-dir", dataDir.toString()), List.of())) {
            shop = setUp.merchant();
        }
        try (ChildHub child = ChildHub.run(dataDir, Map.of())) {
            Process hub = child.process();
            String url = "http://127.0.0.1:" + child.awaitHttpPort(Duration.ofSeconds(90)) + "/pos/v1/transactions";
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> send(http, url, shop, "warm-up", HubFixture.card(940_000)).statusCode() == 200);

            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < SWIPES; i++) {
                answers.add(sendAsync(http, url, shop, "g-" + i, HubFixture.card(940_001 + i % 25)));
                if (i == SWIPES / 3) {
                    // under load: some answered, more in flight, the rest still to come
                    await().atMost(Duration.ofSeconds(60)).until(() -> answers.stream().filter(CompletableFuture::isDone).count() >= 20);
                    hub.destroy(); // SIGTERM
                }
            }
            assertThat(hub.waitFor(60, TimeUnit.SECONDS)).as("the hub exits on its own").isTrue();
            // 143 = 128 + SIGTERM: how a JVM that ran its shutdown hooks after SIGTERM exits (systemd and Docker count it clean)
            assertThat(hub.exitValue()).as(child.output()).isEqualTo(143);

            List<String> approved = new ArrayList<>();
            List<String> pending = new ArrayList<>();
            for (int i = 0; i < SWIPES; i++) {
                HttpResponse<String> r = answers.get(i).handle((ok, failed) -> ok).join();
                if (r == null) {
                    continue; // the connection was refused or closed: nothing was taken, a till sends it again
                }
                String ref = "g-" + i;
                switch (r.statusCode()) {
                    case 200 -> approved.add(ref);
                    case 202 -> pending.add(ref);
                    // the hub's own refusal while it drains; in its last moment, the HTTP server's plain 503 as it closes
                    case 503 -> assertThat(codeOf(r.body())).isIn("shutting-down", "overloaded", "not-accepted", null);
                    default -> throw new AssertionError("unexpected answer to " + ref + ": " + r.statusCode() + " " + r.body());
                }
            }
            assertThat(approved).as("swipes taken before the stop were answered").isNotEmpty();

            try (HubFixture restarted = HubFixture.startIn(dataDir, Map.of(), List.of())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> Stream.concat(approved.stream(), pending.stream())
                        .allMatch(ref -> restarted.queryLong("SELECT COUNT(*) FROM purchase WHERE txn_ref = ?", ref) == 1));
                assertThat(restarted.queryLong("SELECT COUNT(*) FROM purchase WHERE merchant_id = ? AND txn_ref LIKE 'g-%'",
                        shop.id().value())).isLessThanOrEqualTo(SWIPES);
                long credited = restarted.queryLong("SELECT COALESCE(SUM(points), 0) FROM ledger_entry WHERE merchant_id = ?",
                        shop.id().value());
                long purchases = restarted.queryLong("SELECT COUNT(*) FROM purchase WHERE merchant_id = ?", shop.id().value());
                assertThat(credited).as("each stored sale credited once, 10 points each").isEqualTo(10 * purchases);
            }
        }
    }

    /** The problem's code, or null when the body is no problem+json. */
    private static String codeOf(String body) {
        try {
            return JSON.readTree(body).path("code").textValue();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String sale(String ref, String card) {
        return "{\"txnRef\":\"" + ref + "\",\"type\":\"SALE\",\"cardNumber\":\"" + card + "\",\"amount\":1000,"
                + "\"currency\":\"EUR\",\"occurredAt\":\"2026-11-23T10:15:30+01:00\"}";
    }

    private static HttpRequest request(String url, Merchant shop, String ref, String card) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", shop.basicAuth()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(sale(ref, card))).build();
    }

    private static HttpResponse<String> send(HttpClient http, String url, Merchant shop, String ref, String card) throws Exception {
        return http.send(request(url, shop, ref, card), HttpResponse.BodyHandlers.ofString());
    }

    private static CompletableFuture<HttpResponse<String>> sendAsync(HttpClient http, String url, Merchant shop, String ref, String card) {
        return http.sendAsync(request(url, shop, ref, card), HttpResponse.BodyHandlers.ofString());
    }
}
