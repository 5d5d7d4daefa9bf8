package io.loyaltyhub.hub.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The image's health check (docker/Dockerfile): healthy only on a 200 from /health/ready. */
class HealthProbeTest {

    private static HttpServer answering(int status) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health/ready", exchange -> {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static URI ready(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/health/ready");
    }

    @Test
    void aReadyHubIsHealthyAnUnreadyOneOrNoneAtAllIsNot() throws Exception {
        HttpServer ready = answering(200);
        HttpServer unready = answering(503);
        try {
            assertThat(HealthProbe.check(ready(ready))).isTrue();
            assertThat(HealthProbe.check(ready(unready))).isFalse();
        } finally {
            ready.stop(0);
            unready.stop(0);
        }
        assertThat(HealthProbe.check(ready(ready))).as("nothing listening any more").isFalse();
    }

    @Test
    void withoutArgumentsItAsksTheHubsPortFromTheEnvironment() {
        assertThat(HealthProbe.defaultUrl(null)).isEqualTo("http://127.0.0.1:8080/health/ready");
        assertThat(HealthProbe.defaultUrl("9090")).isEqualTo("http://127.0.0.1:9090/health/ready");
    }
}
