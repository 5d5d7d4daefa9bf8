package io.loyaltyhub.hub.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator's scraper reads the hub's meters at GET /metrics, without credentials and without card data. */
@Slow
class MetricsEndpointTest {
    private static final Pattern APPLIED = Pattern.compile("(?m)^hub_engine_transactions_applied_total(?:\\{[^}]*})? (\\S+)$");

    private static HubFixture fixture;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startHub() {
        fixture = HubFixture.start();
    }

    @AfterAll
    static void stopHub() {
        fixture.close();
    }

    @Test
    void aSwipeMovesTheAppliedTransactionsCounterAndNoCardNumberIsScraped() throws Exception {
        long before = applied(scrape().body());
        String card = HubFixture.card(940_001);

        HttpResponse<String> swipe = fixture.swipe(fixture.merchant(), "{\"txnRef\":\"m-1\",\"type\":\"SALE\",\"cardNumber\":\""
                + card + "\",\"amount\":1000,\"currency\":\"EUR\",\"occurredAt\":\"2026-11-23T10:15:30+01:00\"}");
        assertThat(swipe.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> applied(scrape().body()) >= before + 1);
        HttpResponse<String> metrics = scrape();
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue(MetricsRoutes.PROMETHEUS_TEXT);
        assertThat(metrics.body()).contains("hub_swipe_transactions_sent_total", "hub_engine_batch_apply_seconds_count",
                "hub_swipe_in_flight", "hub_engine_lag_seconds");
        assertThat(metrics.body()).doesNotContain(card).doesNotContain("merchant");
        assertThat(fixture.hub().engineConsumer().applied()).as("the accessor reads the same meter").isGreaterThanOrEqualTo(1);
    }

    @Test
    void onlyGetIsAnswered() throws Exception {
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> scrape() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long applied(String scraped) {
        Matcher m = APPLIED.matcher(scraped);
        assertThat(m.find()).as("the applied-transactions counter is scraped").isTrue();
        return (long) Double.parseDouble(m.group(1));
    }
}
