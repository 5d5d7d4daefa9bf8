package io.loyaltyhub.adapters.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.loyaltyhub.adapters.webhook.ShopifyEvents;
import io.loyaltyhub.adapters.webhook.ProviderEvent;
import io.loyaltyhub.adapters.webhook.SquareEvents;
import io.loyaltyhub.adapters.webhook.WebhookProvider;
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
    void aLoyverseReceiptAndCustomerAreSignedWithHmacSha1OfTheBody() {
        int customer = run("--provider", "loyverse", "--merchant", "books", "--secret", "lv", "--account", "m1",
                "--event", "customer", "--customer", "cust-1", "--card", "6280000000001238");
        byte[] customerBody = bodies.get("/webhooks/v1/loyverse/books");
        String customerSignature = headers.get("x-loyverse-signature");
        int sale = run("--provider", "loyverse", "--merchant", "books", "--secret", "lv", "--account", "m1",
                "--customer", "cust-1", "--order", "1-1001", "--amount", "2550");
        byte[] saleBody = bodies.get("/webhooks/v1/loyverse/books");

        assertThat(customer).isZero();
        assertThat(WebhookProvider.LOYVERSE.scheme().verify("lv".getBytes(StandardCharsets.UTF_8), null, customerBody,
                customerSignature)).isTrue();
        assertThat(WebhookProvider.LOYVERSE.scheme().read(customerBody, n -> null, "EUR").get(0).clues().cardTexts())
                .containsExactly("6280000000001238");
        assertThat(sale).isZero();
        ProviderEvent receipt = WebhookProvider.LOYVERSE.scheme().read(saleBody, n -> null, "EUR").get(0);
        assertThat(receipt.eventId()).isEqualTo("receipt:1-1001");
        assertThat(receipt.amount().minorUnits()).isEqualTo(2550);
        assertThat(receipt.customerRef()).isEqualTo("cust-1");
    }

    @Test
    void aLightspeedReturnIsAFormWithThePayloadSignedInXSignature() {
        int exit = run("--provider", "lightspeed", "--merchant", "books", "--secret", "ls", "--account", "pagesandco",
                "--event", "refund", "--order", "a0000000-0000-11e9-a1b2-c3d4e5f60009", "--amount", "4000",
                "--card", "6280000000001238");

        byte[] body = bodies.get("/webhooks/v1/lightspeed/books");
        assertThat(exit).isZero();
        assertThat(headers.get("content-type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(WebhookProvider.LIGHTSPEED.scheme().verify("ls".getBytes(StandardCharsets.UTF_8), null, body,
                headers.get("x-signature"))).isTrue();
        ProviderEvent refund = WebhookProvider.LIGHTSPEED.scheme().read(body, n -> null, "EUR").get(0);
        assertThat(refund.kind()).isEqualTo(ProviderEvent.Kind.REFUND);
        assertThat(refund.amount().minorUnits()).isEqualTo(4000);
        assertThat(refund.account()).isEqualTo("pagesandco");
        assertThat(refund.original().value()).isEqualTo("ls-a0000000-0000-11e9-a1b2-c3d4e5f60009");
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
