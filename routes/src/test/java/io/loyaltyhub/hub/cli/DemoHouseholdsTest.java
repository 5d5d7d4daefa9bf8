package io.loyaltyhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.operator.OperatorApiExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's {@code run --demo}, as a new user pastes its commands in order: a household of two cards earning at two
 * merchants and redeeming from one balance, the next expiry in a balance answer, a blocked card declined and a
 * replacement card carrying the balance; a gift redeemed at the second merchant, part of a sale paid with points, and a
 * campaign's multiplier named in an answer.
 */
@Slow
class DemoHouseholdsTest {
    private static final Pattern CURL = Pattern.compile(
            "curl -s -H 'Authorization: (Basic [^']+)' -H 'Content-Type: application/json' -d '([^']*)' (\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDemosCommandsShowAHouseholdABlockedCardAReplacementAndTheNextExpiry() throws Exception {
        OperatorApiExtension operatorApi = new OperatorApiExtension();
        try (HubFixture fixture = HubFixture.start(Map.of(), List.<HubExtension>of(operatorApi))) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            new DemoCoalition(fixture.hub(), List.<HubExtension>of(operatorApi))
                    .seedAndPrint(new PrintStream(printed, true, StandardCharsets.UTF_8));

            Map<String, JsonNode> answers = pasteInOrder(printed.toString(StandardCharsets.UTF_8));

            assertThat(answers.get("demo-3001").path("balance").asLong()).as("123 of the first card + 50").isEqualTo(173);
            assertThat(answers.get("demo-3002").path("status").asText()).isEqualTo("approved");
            JsonNode inquiry = answers.get("demo-3003");
            assertThat(inquiry.path("balance").asLong()).isEqualTo(123);
            assertThat(inquiry.path("nextExpiry").path("points").asLong()).isEqualTo(123);
            assertThat(inquiry.path("nextExpiry").path("on").asText())
                    .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusMonths(24).toString());
            assertThat(answers.get("demo-3004").path("code").asText()).isEqualTo("card-blocked");
            assertThat(answers.get("replace").path("cards").toString()).contains("replaced");
            assertThat(answers.get("demo-3006").path("balance").asLong()).isEqualTo(100);
            assertThat(answers.get("demo-3007").path("code").asText()).isEqualTo("card-replaced");
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Households and the card's life");

            // rewards and earn rules (docs/rewards.md): a gift at the second merchant, paying with points, a campaign
            assertThat(answers.get("demo-4001").path("points").asLong()).isEqualTo(-200);
            assertThat(answers.get("demo-4002").path("code").asText()).isEqualTo("reward-not-offered-here");
            assertThat(answers.get("demo-4003").path("paidWithPoints").path("amount").asLong()).isEqualTo(500);
            JsonNode campaign = answers.get("demo-4004");
            assertThat(campaign.path("points").asLong()).isEqualTo(80);
            assertThat(campaign.path("rules").toString()).isEqualTo("[\"rate:base\",\"campaign:VITAMINS3X\"]");
        }
    }

    /** Runs every printed curl command in order; the answers by the request's txnRef (or the operator path's last word). */
    private static Map<String, JsonNode> pasteInOrder(String printed) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        Matcher curl = CURL.matcher(printed);
        while (curl.find()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(curl.group(3)))
                    .header("Authorization", curl.group(1)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(curl.group(2))).build(), HttpResponse.BodyHandlers.ofString());
            String body = curl.group(2);
            Matcher ref = Pattern.compile("\"txnRef\":\"([^\"]+)\"").matcher(body);
            String key = ref.find() ? ref.group(1) : curl.group(3).substring(curl.group(3).lastIndexOf('/') + 1);
            answers.put(key, response.body().startsWith("{") ? JSON.readTree(response.body()) : JSON.nullNode());
        }
        assertThat(answers).containsKeys("demo-3001", "demo-3002", "demo-3003", "demo-3004", "demo-3005", "replace",
                "demo-3006", "demo-3007");
        return answers;
    }
}
