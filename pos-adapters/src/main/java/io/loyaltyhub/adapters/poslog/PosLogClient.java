package io.loyaltyhub.adapters.poslog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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

    public PosLogClient(URI hubBaseUrl, String credentialId, String secret, Duration timeout) {
        this.endpoint = hubBaseUrl.resolve(PATH);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((credentialId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
    }

    public Response post(Path document) throws IOException, InterruptedException {
        return send(HttpRequest.BodyPublishers.ofFile(document));
    }

    public Response post(byte[] document) throws IOException, InterruptedException {
        return send(HttpRequest.BodyPublishers.ofByteArray(document));
    }

    private Response send(HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/xml")
                .header("Accept", PosLogResultWriter.MEDIA_TYPE + ", application/problem+json")
                .POST(body)
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /** The hub's answer: 200 with a POSLog result document, or a problem+json error. */
    public record Response(int status, String contentType, String body) {
        public boolean ok() {
            return status == 200;
        }
    }
}
