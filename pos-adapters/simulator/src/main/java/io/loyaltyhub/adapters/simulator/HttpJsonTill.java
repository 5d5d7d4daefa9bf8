package io.loyaltyhub.adapters.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import io.loyaltyhub.domain.crypto.RequestSigning;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/** The client side of the HTTP JSON channel: a till that sends transactions to a hub, signed when it has a signing secret. */
public final class HttpJsonTill {
    private static final String PATH = "/pos/v1/transactions";
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String authorization;
    private final byte[] signingSecret;

    public HttpJsonTill(String hubUrl, String credentialId, String secret) {
        this(hubUrl, credentialId, secret, null);
    }

    /** @param signingSecret the terminal's request-signing secret (base64url), or null for a terminal that does not sign */
    public HttpJsonTill(String hubUrl, String credentialId, String secret, String signingSecret) {
        this.signingSecret = signingSecret == null || signingSecret.isBlank() ? null : RequestSigning.secretFromText(signingSecret);
        this.endpoint = URI.create(hubUrl.replaceAll("/+$", "") + PATH);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((credentialId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    public CompletableFuture<HttpResponse<String>> send(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signingSecret != null) {
            RequestSigning.headers(signingSecret, "POST", PATH, body, Instant.now()).forEach(request::header);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A sale as JSON (the card number travels to the hub's edge only, over the terminal's connection). */
    public static String sale(String txnRef, String cardNumber, long amountMinor, String currency) {
        return "{\"txnRef\":\"" + txnRef + "\",\"type\":\"SALE\",\"cardNumber\":\"" + cardNumber + "\",\"amount\":"
                + amountMinor + ",\"currency\":\"" + currency + "\"}";
    }
}
