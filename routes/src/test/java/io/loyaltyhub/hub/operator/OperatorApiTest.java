package io.loyaltyhub.hub.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.admin.OperatorCredentials;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The operator HTTP API against a real hub, with the tills' JSON channel: a household of two cards earning at two
 * merchants and redeeming from one balance, a blocked card declined, a replacement card carrying the balance, and
 * coded refusals for bad input.
 */
@Slow
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SERIALS = new AtomicInteger(70_000);
    private static final AtomicInteger REFS = new AtomicInteger();

    private final HttpClient http = HttpClient.newHttpClient();
    private final OperatorApiExtension api = new OperatorApiExtension();
    private HubFixture hub;
    private HubFixture.Merchant books;
    private HubFixture.Merchant pharmacy;
    private String operator;

    @BeforeAll
    void start() {
        hub = HubFixture.start(Map.of(), List.of(api));
        books = hub.merchant();
        pharmacy = hub.merchant();
        OperatorCredentials.Issued issued = api.credentials().issue();
        operator = basic(issued.credentialId(), issued.secret());
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String newCard() {
        return HubFixture.card(SERIALS.incrementAndGet());
    }

    private JsonNode swipe(HubFixture.Merchant m, String type, String card, long amount, long redeem) throws IOException {
        String body = "{\"txnRef\":\"op-" + REFS.incrementAndGet() + "\",\"type\":\"" + type + "\",\"cardNumber\":\"" + card
                + "\",\"amount\":" + amount + ",\"currency\":\"EUR\",\"occurredAt\":\"2026-11-23T10:15:30+01:00\""
                + (redeem > 0 ? ",\"redeemPoints\":" + redeem : "") + "}";
        HttpResponse<String> response = hub.swipe(m, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> call(String method, String path, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode ok(String method, String path, String body) throws IOException {
        HttpResponse<String> response = call(method, path, operator, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String problem(int status, String method, String path, String body) throws IOException {
        HttpResponse<String> response = call(method, path, operator, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return JSON.readTree(response.body()).path("code").asText();
    }

    private static String card(String number) {
        return "{\"cardNumber\":\"" + number + "\"}";
    }

    private long householdOf(String number) throws IOException {
        return ok("POST", "/operator/v1/cards/household", card(number)).path("household").asLong();
    }

    @Test
    void aHouseholdOfTwoCardsEarnsAtTwoMerchantsAndRedeemsFromOneBalance() throws IOException {
        String first = newCard();
        String second = newCard();
        swipe(books, "SALE", first, 1_000, 0);
        swipe(pharmacy, "SALE", second, 2_000, 0);
        long household = householdOf(first);

        JsonNode linked = ok("POST", "/operator/v1/households/" + household + "/cards", card(second));
        JsonNode redeemed = swipe(books, "REDEEM", second, 0, 25);

        assertThat(linked.path("balance").asLong()).isEqualTo(30);
        assertThat(linked.path("pointsMoved").asLong()).isEqualTo(20);
        assertThat(linked.path("cards")).hasSize(2);
        assertThat(linked.toString()).doesNotContain(second).contains("****" + second.substring(12));
        assertThat(redeemed.path("status").asText()).isEqualTo("approved");
        assertThat(redeemed.path("balance").asLong()).isEqualTo(5);
        assertThat(swipe(pharmacy, "BALANCE_INQUIRY", first, 0, 0).path("balance").asLong()).isEqualTo(5);
        assertThat(ok("GET", "/operator/v1/households/" + household, null).path("balance").asLong()).isEqualTo(5);
        assertThat(hub.queryLong("SELECT COUNT(*) FROM member_event WHERE event_type = 'LINK' AND actor LIKE 'http:opr-%'"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aBlockedCardIsDeclinedWithItsCodeAndAReplacementCarriesTheBalance() throws IOException {
        String lost = newCard();
        String replacement = newCard();
        swipe(books, "SALE", lost, 4_000, 0);

        JsonNode blocked = ok("POST", "/operator/v1/cards/block", "{\"cardNumber\":\"" + lost + "\",\"reason\":\"lost\"}");
        JsonNode declined = swipe(books, "SALE", lost, 1_000, 0);
        ok("POST", "/operator/v1/cards/replace", "{\"cardNumber\":\"" + lost + "\",\"newCardNumber\":\"" + replacement + "\"}");
        JsonNode onNewCard = swipe(pharmacy, "SALE", replacement, 1_000, 0);
        JsonNode onOldCard = swipe(pharmacy, "SALE", lost, 1_000, 0);

        assertThat(blocked.path("cards").get(0).path("status").asText()).isEqualTo("blocked");
        assertThat(blocked.path("cards").get(0).path("reason").asText()).isEqualTo("lost");
        assertThat(declined.path("status").asText()).isEqualTo("declined");
        assertThat(declined.path("code").asText()).isEqualTo("card-blocked");
        assertThat(onNewCard.path("balance").asLong()).isEqualTo(50);
        assertThat(onOldCard.path("code").asText()).isEqualTo("card-replaced");
    }

    @Test
    void badInputIsRefusedWithAStableCodeAndChangesNothing() throws IOException {
        String[] pair = {newCard(), newCard()};
        String[] other = {newCard(), newCard()};
        for (String[] household : List.of(pair, other)) {
            swipe(books, "SALE", household[0], 1_000, 0);
            ok("POST", "/operator/v1/households/" + householdOf(household[0]) + "/cards", card(household[1]));
        }
        long household = householdOf(pair[0]);
        long events = hub.count("member_event");
        String outside = HubFixture.card(500_000_001);

        assertThat(problem(404, "POST", "/operator/v1/households/" + household + "/cards", card(outside))).isEqualTo("unknown-card");
        assertThat(problem(409, "POST", "/operator/v1/households/" + household + "/cards", card(other[1])))
                .isEqualTo("card-in-another-household");
        assertThat(problem(404, "POST", "/operator/v1/households/77/cards", card(newCard()))).isEqualTo("unknown-household");
        assertThat(problem(422, "POST", "/operator/v1/cards/block", "{\"cardNumber\":\"" + pair[0] + "\",\"reason\":\"bored\"}"))
                .isEqualTo("invalid-reason");
        assertThat(problem(422, "POST", "/operator/v1/cards/block", "{\"reason\":\"lost\"}")).isEqualTo("missing-field");
        assertThat(problem(422, "POST", "/operator/v1/cards/leave", "{\"cardNumber\":\"" + pair[1] + "\",\"take\":11}"))
                .isEqualTo("points-not-available");
        assertThat(problem(400, "POST", "/operator/v1/cards/activate", "not json")).isEqualTo("malformed-json");
        assertThat(hub.count("member_event")).isEqualTo(events);
    }

    @Test
    void onlyAnOperatorCredentialOpensTheApi() throws IOException {
        assertThat(call("GET", "/operator/v1/households/1", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/operator/v1/households/1", books.basicAuth(), null).statusCode())
                .as("a till's credential is not an operator's").isEqualTo(401);
        OperatorCredentials.Issued revoked = api.credentials().issue();
        api.credentials().revoke(revoked.credentialId());
        assertThat(call("GET", "/operator/v1/households/1", basic(revoked.credentialId(), revoked.secret()), null)
                .statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(call("GET", "/operator/v1/households/1", null, null).body()).path("code").asText())
                .isNotBlank();
    }
}
