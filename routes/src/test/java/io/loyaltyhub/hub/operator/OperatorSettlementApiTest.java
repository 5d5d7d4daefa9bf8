package io.loyaltyhub.hub.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.admin.OperatorCredentials;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.settlement.PeriodClose;
import io.loyaltyhub.domain.settlement.PeriodKind;
import io.loyaltyhub.domain.settlement.ProgrammeTerms;
import io.loyaltyhub.domain.settlement.SettlementTerms;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's settlement over its HTTP API (docs/settlement.md) on one real hub: a gift's cost set with the reward
 * and changed later; the liability now, and a closed period's as its close recorded it, unchanged by later traffic;
 * coded refusals for a period that does not exist, is still open or is no number, and for a caller without the
 * operator's credential (a merchant's till included).
 */
@Slow
class OperatorSettlementApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final OperatorApiExtension OPERATOR_API = new OperatorApiExtension();

    private static HubFixture fixture;
    private static String operator;

    @BeforeAll
    static void startHub() {
        fixture = HubFixture.start(Map.of(), List.of(OPERATOR_API));
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
    void aGiftsCostIsSetWithTheRewardAndChangedLater() throws IOException {
        JsonNode added = call("POST", "/operator/v1/rewards", operator, "{\"code\":\"COST-MUG\",\"name\":\"Mug\","
                + "\"pricePoints\":300,\"costMinor\":450,\"validFrom\":\"2020-01-01\",\"validUntil\":\"2099-12-31\","
                + "\"offeredAt\":\"all\"}", 201);
        JsonNode changed = call("PUT", "/operator/v1/rewards/COST-MUG/cost", operator, "{\"costMinor\":500}", 200);
        JsonNode negative = call("PUT", "/operator/v1/rewards/COST-MUG/cost", operator, "{\"costMinor\":-1}", 422);
        JsonNode unknown = call("PUT", "/operator/v1/rewards/NO-SUCH/cost", operator, "{\"costMinor\":5}", 404);

        assertThat(added.get("costMinor").asLong()).isEqualTo(450);
        assertThat(changed.get("costMinor").asLong()).isEqualTo(500);
        assertThat(call("GET", "/operator/v1/rewards/COST-MUG", operator, null, 200).get("costMinor").asLong()).isEqualTo(500);
        assertThat(negative.get("code").asText()).isEqualTo("invalid-reward");
        assertThat(unknown.get("code").asText()).isEqualTo("reward-unknown");
    }

    @Test
    void theOperatorReadsTheLiabilityNowAndAsAClosedPeriodRecordedIt() throws IOException {
        HubFixture.Merchant shop = fixture.merchant();
        new SettlementTerms(fixture.hub().database(), IdGenerator.forNode(51), Clock.systemUTC())
                .setProgramme(new ProgrammeTerms("EUR", 2, 1, PeriodKind.DAILY));
        String card = HubFixture.card(48_001);
        assertThat(fixture.swipe(shop, "{\"txnRef\":\"l-1\",\"cardNumber\":\"" + card + "\",\"amount\":10000,"
                + "\"currency\":\"EUR\"}").statusCode()).isEqualTo(200);
        PeriodClose close = new PeriodClose(fixture.hub().database(), IdGenerator.forNode(52), Clock.systemUTC(),
                text -> new byte[64]);
        long period = close.closeCurrent(true).period().id();
        assertThat(fixture.swipe(shop, "{\"txnRef\":\"l-2\",\"cardNumber\":\"" + card + "\",\"amount\":5000,"
                + "\"currency\":\"EUR\"}").statusCode()).isEqualTo(200);

        JsonNode closed = call("GET", "/operator/v1/settlement/liability?period=" + period, operator, null, 200);
        JsonNode now = call("GET", "/operator/v1/settlement/liability", operator, null, 200);

        assertThat(closed.get("period").asLong()).isEqualTo(period);
        assertThat(closed.get("outstandingPoints").asLong()).as("the first sale's points only").isEqualTo(100);
        assertThat(closed.get("outstandingValueMinor").asLong()).isEqualTo(200);
        assertThat(closed.get("outstanding").get(0).get("issuer").asText()).isEqualTo("merchant:" + shop.id().value());
        assertThat(closed.get("mailedGifts").asLong()).isZero();
        assertThat(now.get("period").isNull()).isTrue();
        assertThat(now.get("outstandingPoints").asLong()).isEqualTo(150);
        assertThat(call("GET", "/operator/v1/settlement/liability?period=1", operator, null, 404).get("code").asText())
                .isEqualTo("no-such-period");
        assertThat(call("GET", "/operator/v1/settlement/liability?period=" + close.current().id(), operator, null, 409)
                .get("code").asText()).isEqualTo("period-not-closed");
        assertThat(call("GET", "/operator/v1/settlement/liability?period=x", operator, null, 400).get("code").asText())
                .isEqualTo("invalid-period");
        assertThat(call("GET", "/operator/v1/settlement/liability", null, null, 401).get("code").asText())
                .isEqualTo("unauthenticated");
        assertThat(call("GET", "/operator/v1/settlement/liability", shop.basicAuth(), null, 401).get("code").asText())
                .as("a merchant's till credential").isEqualTo("unknown-operator-or-wrong-credential");
    }

    private static JsonNode call(String method, String path, String authorization, String body, int status)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
