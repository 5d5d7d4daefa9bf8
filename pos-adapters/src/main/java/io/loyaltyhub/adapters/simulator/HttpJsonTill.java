package io.loyaltyhub.adapters.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/** The client side of the HTTP JSON channel: a till that sends transactions to a hub. */
public final class HttpJsonTill {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String authorization;

    public HttpJsonTill(String hubUrl, String credentialId, String secret) {
        this.endpoint = URI.create(hubUrl.replaceAll("/+$", "") + "/pos/v1/transactions");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((credentialId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    public CompletableFuture<HttpResponse<String>> send(String json) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A sale as JSON (the card number travels to the hub's edge only, over the terminal's connection). */
    public static String sale(String txnRef, String cardNumber, long amountMinor, String currency) {
        return "{\"txnRef\":\"" + txnRef + "\",\"type\":\"SALE\",\"cardNumber\":\"" + cardNumber + "\",\"amount\":"
                + amountMinor + ",\"currency\":\"" + currency + "\"}";
    }
}
