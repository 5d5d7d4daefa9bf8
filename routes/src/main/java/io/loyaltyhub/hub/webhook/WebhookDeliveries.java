package io.loyaltyhub.hub.webhook;

import io.loyaltyhub.adapters.webhook.ProviderEvent;
import io.loyaltyhub.adapters.webhook.ShopifyEvents;
import io.loyaltyhub.adapters.webhook.SquareEvents;
import io.loyaltyhub.adapters.webhook.WebhookProvider;
import io.loyaltyhub.adapters.webhook.WebhookSignatures;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.webhook.WebhookConnection;
import io.loyaltyhub.domain.webhook.WebhookConnections;
import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.http.RequestBodies;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The first steps of a provider's delivery, in this order: whose connection it is for (from the URL, before anything of
 * the body is read), the body within its limit, the provider's signature over it, and the event it carries (from the
 * connected account, not replayed from long ago). Each refusal is a coded problem (docs/webhooks.md).
 */
final class WebhookDeliveries {
    static final String CONNECTION = "loyaltyhub.webhook-connection";
    static final String EVENT = "loyaltyhub.webhook-event";

    private final Function<String, Optional<MerchantId>> merchantByCode;
    private final WebhookConnections connections;
    private final RequestBodies bodies;
    private final Duration maxEventAge;
    private final Clock clock;

    WebhookDeliveries(Function<String, Optional<MerchantId>> merchantByCode, WebhookConnections connections,
                      long maxBodyBytes, Duration maxEventAge, Clock clock) {
        this.merchantByCode = merchantByCode;
        this.connections = connections;
        this.bodies = new RequestBodies(maxBodyBytes, "body-too-large", "the body");
        this.maxEventAge = maxEventAge;
        this.clock = clock;
    }

    static WebhookConnection connection(Exchange exchange) {
        return exchange.getProperty(CONNECTION, WebhookConnection.class);
    }

    static ProviderEvent event(Exchange exchange) {
        return exchange.getProperty(EVENT, ProviderEvent.class);
    }

    /** The merchant's connection to the provider named in the path; an unknown merchant looks like an unconnected one. */
    void identifyConnection(Exchange exchange) {
        Message in = exchange.getMessage();
        WebhookProvider provider = WebhookProvider.byCode(in.getHeader("provider", String.class))
                .orElseThrow(() -> new HttpProblem(404, "unknown-provider", "the hub takes webhooks from square and shopify"));
        if (!provider.verifiable()) {
            throw new HttpProblem(501, "provider-not-supported", "the hub cannot verify " + provider.code()
                    + "'s webhook signatures from its documentation, so it takes none (docs/webhooks.md)");
        }
        String merchantCode = in.getHeader("merchant", String.class);
        WebhookConnection connection = merchantByCode.apply(merchantCode)
                .flatMap(merchant -> connections.find(merchant, provider.code()))
                .orElseThrow(() -> new HttpProblem(404, "not-connected", "no merchant is connected to "
                        + provider.code() + " at this address"));
        exchange.setProperty(CONNECTION, connection);
    }

    void readBody(Exchange exchange) {
        exchange.getMessage().setBody(bodies.read(exchange.getMessage()));
    }

    /** The provider's HMAC over the raw body (and, for Square, the notification URL), compared in constant time. */
    void checkSignature(Exchange exchange) {
        WebhookConnection connection = connection(exchange);
        Message in = exchange.getMessage();
        byte[] body = in.getBody(byte[].class);
        String header = connection.provider().equals(WebhookProvider.SQUARE.code())
                ? WebhookSignatures.SQUARE_HEADER : WebhookSignatures.SHOPIFY_HEADER;
        String given = in.getHeader(header, String.class);
        if (given == null || given.isBlank()) {
            throw new HttpProblem(401, "signature-missing", header + " is missing");
        }
        String expected = connection.provider().equals(WebhookProvider.SQUARE.code())
                ? WebhookSignatures.square(connection.secret(), connection.notificationUrl(), body)
                : WebhookSignatures.shopify(connection.secret(), body);
        if (!WebhookSignatures.matches(expected, given)) {
            throw new HttpProblem(401, "signature-mismatch", header + " does not match the body under this merchant's "
                    + "secret" + (connection.notificationUrl() != null ? " and notification URL" : ""));
        }
    }

    /** The event, from the connected account only. */
    void readEvent(Exchange exchange) {
        WebhookConnection connection = connection(exchange);
        Message in = exchange.getMessage();
        byte[] body = in.getBody(byte[].class);
        ProviderEvent event = connection.provider().equals(WebhookProvider.SQUARE.code())
                ? SquareEvents.read(body)
                : ShopifyEvents.read(body, in.getHeader("X-Shopify-Topic", String.class),
                        in.getHeader("X-Shopify-Webhook-Id", String.class), in.getHeader("X-Shopify-Shop-Domain", String.class));
        if (connection.accountRef() != null && !connection.accountRef().equals(event.account())) {
            throw new HttpProblem(403, "other-account", "the event comes from another " + connection.provider()
                    + " account than the one this merchant connected");
        }
        exchange.setProperty(EVENT, event);
        in.setBody(null);
    }

    /**
     * A signed event time older than the window, for an event never stored before, is a replay (a resend of a stored
     * event is answered as a copy instead, however old).
     */
    void refuseIfReplayed(ProviderEvent event) {
        if (event.signedAt() != null && event.signedAt().toInstant().isBefore(clock.instant().minus(maxEventAge))) {
            throw new HttpProblem(422, "event-too-old", "the event was made more than " + maxEventAge.toHours()
                    + " hours ago and never delivered before: refused as a replay");
        }
    }
}
