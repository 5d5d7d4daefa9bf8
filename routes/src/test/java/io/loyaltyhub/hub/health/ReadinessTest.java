package io.loyaltyhub.hub.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 19: liveness and readiness. /health/live answers while the process serves HTTP; /health/ready fails
 * (503 problem+json naming the check) while a readiness check fails, and answers at once even when a check hangs.
 * Outages of the database and the broker: DatabaseOutageReadinessTest, BrokerOutageReadinessTest.
 */
@Slow
class ReadinessTest {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    static HttpResponse<String> get(HubFixture fixture, String path) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    /** Waits until /health/ready fails naming this check, and returns that answer. */
    static HttpResponse<String> awaitNotReady(HubFixture fixture, String check) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> get(fixture, "/health/ready"), r -> r.statusCode() == 503 && !json(r).path("checks").path(check)
                        .asText().equals("up"));
    }

    static void awaitReady(HubFixture fixture) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> get(fixture, "/health/ready").statusCode() == 200);
    }

    @Test
    void aRunningHubIsLiveAndReadyAndSaysWhichChecksItMade() {
        try (HubFixture fixture = HubFixture.start()) {
            awaitReady(fixture);
            HttpResponse<String> ready = get(fixture, "/health/ready");
            HttpResponse<String> live = get(fixture, "/health/live");

            assertThat(json(ready).get("status").asText()).isEqualTo("ready");
            assertThat(json(ready).get("checks").get("database").asText()).isEqualTo("up");
            assertThat(json(ready).get("checks").get("broker").asText()).isEqualTo("up");
            assertThat(json(ready).get("checks").get("engine").asText()).isEqualTo("up");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(json(live).get("status").asText()).isEqualTo("up");
            assertThat(get(fixture, "/health").statusCode()).as("/health answers as /health/ready").isEqualTo(200);
        }
    }

    @Test
    void aCheckAChannelRegistersDecidesReadinessAndOneThatHangsFailsAtOnceInsteadOfHangingTheEndpoint() {
        CountDownLatch never = new CountDownLatch(1);
        try (HubFixture fixture = HubFixture.start()) {
            awaitReady(fixture);
            fixture.hub().readiness().register(new ReadinessCheck() {
                @Override
                public String name() {
                    return "stuck";
                }

                @Override
                public Optional<String> problem() {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Optional.empty();
                }
            });

            long started = System.nanoTime();
            HttpResponse<String> answer = get(fixture, "/health/ready");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(answer).get("code").asText()).isEqualTo("not-ready");
            assertThat(json(answer).get("detail").asText()).startsWith("stuck: ");
            assertThat(json(answer).get("checks").get("database").asText()).isEqualTo("up");
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            assertThat(get(fixture, "/health/live").statusCode()).as("still live").isEqualTo(200);
        } finally {
            never.countDown();
        }
    }

    @Test
    void anEngineThatFallsBehindMakesTheHubUnreadyNamingTheEngine() {
        try (HubFixture fixture = HubFixture.start(Map.of("hub.health.max-engine-lag-seconds", "1",
                "hub.swipe.reply-timeout-ms", "300"), List.of())) {
            Merchant shop = fixture.merchant();
            awaitReady(fixture);
            fixture.hub().engineConsumer().close();   // the engine stops taking swipes off the queue

            assertThat(fixture.swipe(shop, "{\"txnRef\":\"lag-1\",\"cardNumber\":\"" + HubFixture.card(9_101)
                    + "\",\"amount\":100,\"currency\":\"EUR\"}").statusCode()).isEqualTo(202);
            HttpResponse<String> unready = awaitNotReady(fixture, "engine");

            assertThat(json(unready).get("code").asText()).isEqualTo("not-ready");
            assertThat(json(unready).get("detail").asText()).contains("engine: the oldest swipe has waited");
            assertThat(json(unready).get("checks").get("broker").asText()).isEqualTo("up");
        }
    }
}
