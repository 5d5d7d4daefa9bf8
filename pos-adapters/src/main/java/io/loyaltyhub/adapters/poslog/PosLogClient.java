package io.loyaltyhub.adapters.poslog;

import io.loyaltyhub.domain.crypto.RequestSigning;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The store back office's side of the POSLog channel: posts a POSLog document to the hub with the
 * terminal's credential (HTTP Basic) and returns the hub's answer, a POSLog result document or a problem.
 */
public final class PosLogClient {

    /** Where the hub listens for POSLog documents, relative to its base URL. */
    public static final String PATH = "/pos/v1/poslog";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String authorization;
    private final Duration timeout;
    private final byte[] signingSecret;

    public PosLogClient(URI hubBaseUrl, String credentialId, String secret, Duration timeout) {
        this(hubBaseUrl, credentialId, secret, timeout, null);
    }

    /** @param signingSecret the terminal's request-signing secret (base64url), or null when it does not sign */
    public PosLogClient(URI hubBaseUrl, String credentialId, String secret, Duration timeout, String signingSecret) {
        this.signingSecret = signingSecret == null || signingSecret.isBlank() ? null : RequestSigning.secretFromText(signingSecret);
        this.endpoint = hubBaseUrl.resolve(PATH);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((credentialId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
    }

    public Response post(Path document) throws IOException, InterruptedException {
        return post(java.nio.file.Files.readAllBytes(document));
    }

    public Response post(byte[] document) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/xml")
                .header("Accept", PosLogResultWriter.MEDIA_TYPE + ", application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(document));
        if (signingSecret != null) {
            RequestSigning.headers(signingSecret, "POST", PATH, document, Instant.now()).forEach(request::header);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /** The hub's answer: 200 with a POSLog result document, or a problem+json error. */
    public record Response(int status, String contentType, String body) {
        public boolean ok() {
            return status == 200;
        }
    }
}
