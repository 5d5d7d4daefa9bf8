package io.loyaltyhub.adapters.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.loyaltyhub.adapters.webhook.ShopifyEvents;
import io.loyaltyhub.adapters.webhook.SquareEvents;
import io.loyaltyhub.adapters.webhook.WebhookSignatures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code pos-simulator webhook} sends the provider's body, signed as the provider signs it, to the merchant's address. */
class WebhookCommandTest {
    private HttpServer provider;
    private final Map<String, String> headers = new ConcurrentHashMap<>();
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final AtomicInteger answer = new AtomicInteger(200);

    @BeforeEach
    void listen() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/", exchange -> {
            bodies.put(exchange.getRequestURI().getPath(), exchange.getRequestBody().readAllBytes());
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            byte[] reply = "{\"status\":\"received\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get(), reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    @Test
    void aSquareSaleIsSquaresBodyWithTheCardInTheNoteSignedOverTheNotificationUrl() {
        int exit = run("--provider", "square", "--merchant", "books", "--secret", "sq-key", "--account", "ML1",
                "--notification-url", "https://hub.example.com/webhooks/v1/square/books", "--card", "6280000000001238",
                "--amount", "12345", "--order", "PAY1");

        byte[] body = bodies.get("/webhooks/v1/square/books");
        assertThat(exit).isZero();
        assertThat(headers.get("x-square-hmacsha256-signature")).isEqualTo(WebhookSignatures.square(
                "sq-key".getBytes(StandardCharsets.UTF_8), "https://hub.example.com/webhooks/v1/square/books", body));
        assertThat(SquareEvents.read(body).ref().value()).isEqualTo("sq-PAY1");
        assertThat(SquareEvents.read(body).clues().cardTexts()).containsExactly("Loyalty card 6280000000001238");
    }

    @Test
    void aShopifyRefundIsSignedOverTheBodyWithTopicAndWebhookId() {
        int exit = run("--provider", "shopify", "--merchant", "books", "--secret", "shpss", "--account", "shop.myshopify.com",
                "--event", "refund", "--order", "820982911946154508", "--amount", "4000", "--event-id", "wh-7");

        byte[] body = bodies.get("/webhooks/v1/shopify/books");
        assertThat(exit).isZero();
        assertThat(headers.get("x-shopify-hmac-sha256"))
                .isEqualTo(WebhookSignatures.shopify("shpss".getBytes(StandardCharsets.UTF_8), body));
        assertThat(headers).containsEntry("x-shopify-topic", "refunds/create").containsEntry("x-shopify-webhook-id", "wh-7")
                .containsEntry("x-shopify-shop-domain", "shop.myshopify.com");
        assertThat(ShopifyEvents.read(body, "refunds/create", "wh-7", "shop.myshopify.com").amount().minorUnits()).isEqualTo(4000);
    }

    @Test
    void aRefusalIsExitCodeOne() {
        answer.set(401);

        assertThat(run("--provider", "shopify", "--merchant", "books", "--secret", "x")).isEqualTo(1);
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new WebhookCommand());
        cli.setOut(new PrintWriter(new StringWriter(), true));
        List<String> all = new java.util.ArrayList<>(List.of("--hub", "http://127.0.0.1:" + provider.getAddress().getPort()));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }
}
