package io.loyaltyhub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.adapters.simulator.HttpJsonTill;
import io.loyaltyhub.domain.crypto.RequestSigning;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signed terminal requests over real HTTP: accepted when signed, and each kind of bad signature refused with its own code. */
@Slow
class SignedRequestTest {
    private static HubFixture fixture;
    private static HubFixture.Merchant shop;
    private static String signingSecret;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startHub() {
        fixture = HubFixture.start();
        shop = fixture.merchant();
        signingSecret = fixture.hub().signingKeys().generate(shop.id(), new TerminalId(shop.till().terminalId()));
    }

    @AfterAll
    static void stopHub() {
        fixture.close();
    }

    @Test
    void theSimulatorSignsAndIsServed() throws Exception {
        HttpJsonTill till = new HttpJsonTill(fixture.baseUrl(), shop.till().credentialId(), shop.till().secret(), signingSecret);
        HttpResponse<String> response = till.send(HttpJsonTill.sale("sig-1", HubFixture.card(301), 1000, "EUR")).get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"points\":10");
    }

    @Test
    void aTerminalWithASigningKeyMustSign() {
        HttpResponse<String> response = fixture.swipe(shop, sale("sig-2"));
        assertProblem(response, "signature-missing");
    }

    @Test
    void aReplayedRequestIsRefusedAndCreditsNothingTwice() throws Exception {
        String body = sale("sig-3");
        Map<String, String> headers = RequestSigning.headers(RequestSigning.secretFromText(signingSecret), "POST",
                "/pos/v1/transactions", body.getBytes(StandardCharsets.UTF_8), Instant.now());
        assertThat(send(body, headers).statusCode()).isEqualTo(200);
        assertProblem(send(body, headers), "signature-replayed");
    }

    @Test
    void staleOrFutureRequestsAreRefused() throws Exception {
        String body = sale("sig-4");
        byte[] secret = RequestSigning.secretFromText(signingSecret);
        assertProblem(send(body, RequestSigning.headers(secret, "POST", "/pos/v1/transactions",
                body.getBytes(StandardCharsets.UTF_8), Instant.now().minusSeconds(301))), "signature-expired");
        assertProblem(send(body, RequestSigning.headers(secret, "POST", "/pos/v1/transactions",
                body.getBytes(StandardCharsets.UTF_8), Instant.now().plusSeconds(301))), "signature-expired");
    }

    @Test
    void aWrongKeyAnAlteredBodyOrAnotherPathAreRefused() throws Exception {
        String body = sale("sig-5");
        byte[] wrong = new byte[32];
        assertProblem(send(body, RequestSigning.headers(wrong, "POST", "/pos/v1/transactions",
                body.getBytes(StandardCharsets.UTF_8), Instant.now())), "signature-invalid");
        byte[] secret = RequestSigning.secretFromText(signingSecret);
        assertProblem(send(body.replace("1000", "9000"), RequestSigning.headers(secret, "POST", "/pos/v1/transactions",
                body.getBytes(StandardCharsets.UTF_8), Instant.now())), "digest-mismatch");
        assertProblem(send(body, RequestSigning.headers(secret, "POST", "/pos/v1/poslog",
                body.getBytes(StandardCharsets.UTF_8), Instant.now())), "signature-invalid");
        assertProblem(send(body, Map.of(RequestSigning.TIMESTAMP, "yesterday", RequestSigning.NONCE, "n",
                RequestSigning.CONTENT_DIGEST, "x", RequestSigning.SIGNATURE, "v1=x")), "signature-malformed");
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE txn_ref = 'sig-5'")).isZero();
    }

    @Test
    void theSecretIsStoredOnlyWrappedByTheMasterKey() {
        assertThat(fixture.count("terminal_signing_key")).isEqualTo(1);
        try (var c = fixture.hub().database().connection(); var rs = c.createStatement().executeQuery(
                "SELECT wrapped_secret FROM terminal_signing_key")) {
            rs.next();
            String stored = rs.getString(1);
            assertThat(stored).doesNotContain(signingSecret);
            assertThat(java.util.Base64.getDecoder().decode(stored)).hasSize(12 + 32 + 16);
            c.rollback();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTerminalWithoutASigningKeyIsServedUnsigned() {
        HubFixture.Merchant unsigned = fixture.merchant();
        assertThat(fixture.swipe(unsigned, sale("sig-6")).statusCode()).isEqualTo(200);
    }

    private static String sale(String ref) {
        return "{\"txnRef\":\"" + ref + "\",\"cardNumber\":\"" + HubFixture.card(302) + "\",\"amount\":1000,\"currency\":\"EUR\"}";
    }

    private static HttpResponse<String> send(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "/pos/v1/transactions"))
                .header("Authorization", shop.basicAuth()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertProblem(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"" + code + "\"");
    }
}
