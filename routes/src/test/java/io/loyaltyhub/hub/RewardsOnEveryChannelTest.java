package io.loyaltyhub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.adapters.iso8583.Iso8583Client;
import io.loyaltyhub.adapters.iso8583.LoyaltyData;
import io.loyaltyhub.adapters.iso8583.TerminalRequests;
import io.loyaltyhub.adapters.simulator.BrokerTill;
import io.loyaltyhub.domain.admin.OperatorCredentials;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.broker.terminals.BrokerTerminalsExtension;
import io.loyaltyhub.hub.iso8583.Iso8583Extension;
import io.loyaltyhub.hub.operator.OperatorApiExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rewards catalogue (issue 15, docs/rewards.md) on one real hub: the operator adds rewards over its HTTP API, tills
 * redeem them by code over HTTP JSON, ISO 8583 (field 63 element RW) and STOMP, each refusal arrives with its stable code
 * in each channel's own protocol, and the operator reserves and cancels a mailed gift.
 */
@Slow
class RewardsOnEveryChannelTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SERIALS = new AtomicInteger(46_000);
    private static final AtomicInteger STANS = new AtomicInteger(5_000);
    private static final AtomicInteger CODES = new AtomicInteger();
    private static final Iso8583Extension ISO_8583 = new Iso8583Extension();
    private static final OperatorApiExtension OPERATOR_API = new OperatorApiExtension();

    private static HubFixture fixture;
    private static EveryChannelClients clients;
    private static String operator;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startHub() {
        fixture = HubFixture.start(Map.of(
                "hub.swipe.reply-timeout-ms", "20000",
                // a loaded build machine lags the engine by seconds: overload is not what these tests are about
                "hub.swipe.overloaded-after-ms", "60000",
                "hub.iso8583.host", "127.0.0.1",
                "hub.iso8583.listeners", "binary-2:0"),
                List.of(ISO_8583, new BrokerTerminalsExtension(), OPERATOR_API));
        clients = new EveryChannelClients(fixture, ISO_8583, WAIT);
        OperatorCredentials.Issued issued = OPERATOR_API.credentials().issue();
        operator = "Basic " + Base64.getEncoder().encodeToString((issued.credentialId() + ":" + issued.secret())
                .getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopHub() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aRewardIsRedeemedAtTillsOfEveryChannelUntilItsStockIsGone() throws Exception {
        HubFixture.Merchant shop = fixture.merchant();
        String card = cardWith(shop, 1_000);
        String reward = addReward("{\"name\":\"Tote bag\",\"pricePoints\":150,\"stock\":3,\"offeredAt\":\"all\"}");

        JsonNode http = swipeJson(shop, redeem("h-" + reward, card, reward));
        assertThat(http.get("status").asText()).isEqualTo("approved");
        assertThat(http.get("points").asLong()).isEqualTo(-150);

        try (Iso8583Client iso = clients.connect()) {
            Iso8583Client.Exchange answer = iso.exchange(iso(shop).rewardRedemption(card, reward));
            assertThat(answer.responseCode()).isEqualTo("00");
            assertThat(answer.loyaltyData().number(LoyaltyData.POINTS_CHANGE)).hasValue(-150);
        }

        try (BrokerTill stomp = clients.stomp(shop)) {
            stomp.send(redeem("b-" + reward, card, reward));
            JsonNode reply = JSON.readTree(stomp.nextReply(WAIT));
            assertThat(reply.get("status").asText()).isEqualTo("approved");
            assertThat(reply.get("points").asLong()).isEqualTo(-150);
        }

        declinedEverywhere(shop, card, reward, "reward-out-of-stock", "05");
        assertThat(fixture.balanceOf(card)).isEqualTo(1_000 - 3 * 150);
        JsonNode shown = ok("GET", "/operator/v1/rewards/" + reward, null, 200);
        assertThat(shown.get("stockLeft").asLong()).isZero();
        assertThat(shown.path("redemptions").path("fulfilled").asLong()).isEqualTo(3);
    }

    @Test
    void anotherMerchantsGiftIsNotOfferedHereAndAnUnknownCodeIsUnknownOnEveryChannel() throws Exception {
        HubFixture.Merchant owner = fixture.merchant();
        HubFixture.Merchant other = fixture.merchant();
        String card = cardWith(owner, 1_000);
        String own = addReward("{\"name\":\"Bookmark\",\"pricePoints\":10,\"owner\":\"" + owner.code() + "\"}");

        assertThat(swipeJson(owner, redeem("o-" + own, card, own)).get("status").asText()).isEqualTo("approved");
        declinedEverywhere(other, card, own, "reward-not-offered-here", "58");
        declinedEverywhere(other, card, "NO-SUCH-GIFT", "reward-unknown", "25");
        assertThat(fixture.balanceOf(card)).isEqualTo(990);
    }

    @Test
    void theOperatorMailsAGiftAndCancelsAnotherWithThePointsBack() throws Exception {
        HubFixture.Merchant shop = fixture.merchant();
        String card = cardWith(shop, 1_000);
        String reward = addReward("{\"name\":\"Hamper\",\"pricePoints\":400,\"stock\":5,\"offeredAt\":[\"" + shop.code() + "\"]}");

        JsonNode sent = ok("POST", "/operator/v1/rewards/" + reward + "/redemptions", "{\"cardNumber\":\"" + card + "\"}", 201);
        JsonNode kept = ok("POST", "/operator/v1/rewards/" + reward + "/redemptions", "{\"cardNumber\":\"" + card + "\"}", 201);
        assertThat(kept.get("status").asText()).isEqualTo("reserved");
        assertThat(kept.get("balance").asLong()).isEqualTo(200);
        assertThat(kept.toString()).doesNotContain(card);

        assertThat(ok("POST", "/operator/v1/redemptions/" + sent.get("redemption").asLong() + "/fulfil", null, 200)
                .get("status").asText()).isEqualTo("fulfilled");
        JsonNode cancelled = ok("POST", "/operator/v1/redemptions/" + kept.get("redemption").asLong() + "/cancel", null, 200);
        assertThat(cancelled.get("balance").asLong()).isEqualTo(600);
        assertThat(fixture.balanceOf(card)).isEqualTo(600);

        assertThat(problem("POST", "/operator/v1/redemptions/" + kept.get("redemption").asLong() + "/cancel", null, 409))
                .isEqualTo("redemption-not-reserved");
        assertThat(ok("POST", "/operator/v1/rewards/" + reward + "/redemptions", "{\"cardNumber\":\"" + card + "\"}", 201)
                .get("balance").asLong()).as("600 points left, and the hamper costs 400: one more, then too few").isEqualTo(200);
        assertThat(problem("POST", "/operator/v1/rewards/" + reward + "/redemptions", "{\"cardNumber\":\"" + card + "\"}", 409))
                .isEqualTo("insufficient-points");
        assertThat(ok("GET", "/operator/v1/rewards/" + reward, null, 200).get("stockLeft").asLong()).isEqualTo(3);
    }

    @Test
    void aTillPaysPartOfASaleWithPointsOverHttpAndStompAndItsVoidGivesThemBack() throws Exception {
        JsonNode values = ok("PUT", "/operator/v1/point-values/EUR", "{\"points\":100,\"minorUnits\":100}", 200);
        assertThat(values.toString()).contains("\"currency\":\"EUR\",\"points\":100,\"minorUnits\":100");
        assertThat(problem("PUT", "/operator/v1/point-values/EUR", "{\"points\":0,\"minorUnits\":100}", 422))
                .isEqualTo("invalid-point-value");
        HubFixture.Merchant shop = fixture.merchant();
        String card = cardWith(shop, 1_000);

        JsonNode paid = swipeJson(shop, pay("pay-1", card, 250, 1_999));
        assertThat(paid.get("status").asText()).isEqualTo("approved");
        assertThat(paid.get("points").asLong()).isEqualTo(-250);
        assertThat(paid.get("paidWithPoints").toString()).isEqualTo("{\"points\":250,\"amount\":250,\"currency\":\"EUR\"}");

        try (BrokerTill stomp = clients.stomp(shop)) {
            stomp.send(pay("pay-2", card, 100, 500));
            JsonNode reply = JSON.readTree(stomp.nextReply(WAIT));
            assertThat(reply.path("paidWithPoints").path("amount").asLong()).isEqualTo(100);
        }

        JsonNode tooMany = swipeJson(shop, pay("pay-3", card, 600, 500));
        assertThat(tooMany.get("code").asText()).isEqualTo("points-exceed-sale");
        assertThat(tooMany.has("paidWithPoints")).isFalse();

        JsonNode voided = swipeJson(shop, "{\"txnRef\":\"pay-4\",\"type\":\"VOID\",\"cardNumber\":\"" + card
                + "\",\"originalTxnRef\":\"pay-1\"}");
        assertThat(voided.get("points").asLong()).isEqualTo(250);
        assertThat(fixture.balanceOf(card)).isEqualTo(900);
    }

    private static String pay(String ref, String card, long points, long sale) {
        return "{\"txnRef\":\"" + ref + "\",\"type\":\"REDEEM\",\"cardNumber\":\"" + card + "\",\"redeemPoints\":" + points
                + ",\"payWithPoints\":true,\"amount\":" + sale + ",\"currency\":\"EUR\"}";
    }

    @Test
    void badRewardsAndBadRedemptionsAreRefusedWithCodes() throws Exception {
        HubFixture.Merchant shop = fixture.merchant();
        assertThat(problem("POST", "/operator/v1/rewards", "{\"code\":\"Z1\",\"name\":\"Free\",\"pricePoints\":0,"
                + "\"validFrom\":\"2020-01-01\",\"validUntil\":\"2099-12-31\",\"offeredAt\":\"all\"}", 422)).isEqualTo("invalid-reward");
        assertThat(problem("POST", "/operator/v1/rewards", "{\"code\":\"Z2\",\"name\":\"Gift\",\"pricePoints\":5,"
                + "\"validFrom\":\"2020-01-01\",\"validUntil\":\"2099-12-31\",\"owner\":\"NOBODY\"}", 404)).isEqualTo("unknown-merchant");
        assertThat(call("POST", "/operator/v1/rewards", null, "{}").statusCode()).isEqualTo(401);

        String card = cardWith(shop, 100);
        HttpResponse<String> both = fixture.swipe(shop, "{\"txnRef\":\"z-1\",\"type\":\"REDEEM\",\"cardNumber\":\"" + card
                + "\",\"rewardCode\":\"MUG\",\"redeemPoints\":5}");
        assertThat(both.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(both.body()).get("code").asText()).isEqualTo("invalid-transaction");
        HttpResponse<String> onSale = fixture.swipe(shop, "{\"txnRef\":\"z-2\",\"cardNumber\":\"" + card
                + "\",\"amount\":100,\"currency\":\"EUR\",\"rewardCode\":\"MUG\"}");
        assertThat(JSON.readTree(onSale.body()).get("code").asText()).isEqualTo("invalid-transaction");
        HttpResponse<String> badCode = fixture.swipe(shop, "{\"txnRef\":\"z-3\",\"type\":\"REDEEM\",\"cardNumber\":\"" + card
                + "\",\"rewardCode\":\"no spaces\"}");
        assertThat(JSON.readTree(badCode.body()).get("code").asText()).isEqualTo("invalid-reward-code");
    }

    private static void declinedEverywhere(HubFixture.Merchant shop, String card, String reward, String code, String isoCode)
            throws Exception {
        JsonNode http = swipeJson(shop, redeem("dh-" + CODES.incrementAndGet(), card, reward));
        assertThat(http.get("status").asText()).isEqualTo("declined");
        assertThat(http.get("code").asText()).isEqualTo(code);
        assertThat(http.get("points").asLong()).isZero();

        try (Iso8583Client iso = clients.connect()) {
            assertThat(iso.exchange(iso(shop).rewardRedemption(card, reward)).responseCode()).isEqualTo(isoCode);
        }

        try (BrokerTill stomp = clients.stomp(shop)) {
            stomp.send(redeem("db-" + CODES.incrementAndGet(), card, reward));
            JsonNode reply = JSON.readTree(stomp.nextReply(WAIT));
            assertThat(reply.get("status").asText()).isEqualTo("declined");
            assertThat(reply.get("code").asText()).isEqualTo(code);
        }
    }

    /** A new reward under a fresh code, valid for years, with these fields; its code. */
    private static String addReward(String fields) throws IOException {
        String code = "GIFT-" + CODES.incrementAndGet();
        JsonNode added = ok("POST", "/operator/v1/rewards", "{\"code\":\"" + code + "\",\"validFrom\":\"2020-01-01\","
                + "\"validUntil\":\"2099-12-31\"," + fields.substring(1), 201);
        assertThat(added.get("code").asText()).isEqualTo(code);
        return code;
    }

    private static String cardWith(HubFixture.Merchant shop, long points) throws IOException {
        String card = HubFixture.card(SERIALS.incrementAndGet());
        JsonNode sale = swipeJson(shop, "{\"txnRef\":\"s-" + card + "\",\"cardNumber\":\"" + card + "\",\"amount\":" + points * 100
                + ",\"currency\":\"EUR\"}");
        assertThat(sale.get("points").asLong()).isEqualTo(points);
        return card;
    }

    private static String redeem(String ref, String card, String reward) {
        return "{\"txnRef\":\"" + ref + "\",\"type\":\"REDEEM\",\"cardNumber\":\"" + card + "\",\"rewardCode\":\"" + reward + "\"}";
    }

    private static JsonNode swipeJson(HubFixture.Merchant shop, String body) throws IOException {
        HttpResponse<String> response = fixture.swipe(shop, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static TerminalRequests iso(HubFixture.Merchant shop) {
        return new TerminalRequests("T1", shop.code(), "978", Clock.systemUTC(), STANS.addAndGet(100));
    }

    private static HttpResponse<String> call(String method, String path, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode ok(String method, String path, String body, int status) throws IOException {
        HttpResponse<String> response = call(method, path, operator, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** The problem's code; the answer must have this status. */
    private static String problem(String method, String path, String body, int status) throws IOException {
        HttpResponse<String> response = call(method, path, operator, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body()).get("code").asText();
    }
}
