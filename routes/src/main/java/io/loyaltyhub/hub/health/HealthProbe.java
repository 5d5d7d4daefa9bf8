package io.loyaltyhub.hub.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's health check, run by the image's own Java (the image has no curl or wget, and its {@code sh} has
 * no {@code /dev/tcp}): {@code java -cp loyalty-hub.jar io.loyaltyhub.hub.health.HealthProbe [URL]} exits 0 when the
 * URL — by default {@code /health/ready} on 127.0.0.1 at {@code HUB_HTTP_PORT} (8080) — answers 200 within 3 seconds,
 * else 1. Uses nothing but the JDK, so it starts quickly.
 */
public final class HealthProbe {
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private HealthProbe() {
    }

    public static void main(String[] args) {
        URI url = URI.create(args.length > 0 ? args[0] : defaultUrl(System.getenv("HUB_HTTP_PORT")));
        System.exit(check(url) ? 0 : 1);
    }

    static String defaultUrl(String port) {
        return "http://127.0.0.1:" + (port == null || port.isBlank() ? "8080" : port.trim()) + "/health/ready";
    }

    static boolean check(URI url) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println(response.statusCode() + " " + response.body());
            return response.statusCode() == 200;
        } catch (java.io.IOException e) {
            System.out.println("no answer from " + url + ": " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
