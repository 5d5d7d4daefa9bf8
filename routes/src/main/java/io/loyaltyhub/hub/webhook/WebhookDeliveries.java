package io.loyaltyhub.hub.webhook;

import io.loyaltyhub.adapters.webhook.ProviderEvent;
import io.loyaltyhub.adapters.webhook.ProviderScheme;
import io.loyaltyhub.adapters.webhook.WebhookProvider;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.webhook.WebhookConnection;
import io.loyaltyhub.domain.webhook.WebhookConnections;
import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.http.RequestBodies;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The first steps of a provider's delivery, in this order: whose connection it is for (from the URL, before anything of
 * the body is read), the body within its limit, the provider's signature over it, and the event it carries (from the
 * connected account, not replayed from long ago). What differs between providers is their {@link ProviderScheme}. Each
 * refusal is a coded problem (docs/webhooks.md).
 */
final class WebhookDeliveries {
    static final String CONNECTION = "loyaltyhub.webhook-connection";
    static final String EVENTS = "loyaltyhub.webhook-events";

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

    /** The events the delivery carries (one for most providers, several receipts for Loyverse). */
    @SuppressWarnings("unchecked")
    static List<ProviderEvent> events(Exchange exchange) {
        return exchange.getProperty(EVENTS, List.class);
    }

    private static ProviderScheme scheme(WebhookConnection connection) {
        return WebhookProvider.byCode(connection.provider()).orElseThrow().scheme();
    }

    /** The merchant's connection to the provider named in the path; an unknown merchant looks like an unconnected one. */
    void identifyConnection(Exchange exchange) {
        Message in = exchange.getMessage();
        WebhookProvider provider = WebhookProvider.byCode(in.getHeader("provider", String.class))
                .orElseThrow(() -> new HttpProblem(404, "unknown-provider",
                        "the hub takes webhooks from square, shopify, loyverse and lightspeed"));
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
        ProviderScheme scheme = scheme(connection);
        Message in = exchange.getMessage();
        String header = scheme.signatureHeader();
        String given = in.getHeader(header, String.class);
        if (given == null || given.isBlank()) {
            throw new HttpProblem(401, "signature-missing", header + " is missing");
        }
        if (!scheme.verify(connection.secret(), connection.notificationUrl(), in.getBody(byte[].class), given)) {
            throw new HttpProblem(401, "signature-mismatch", header + " does not match the body under this merchant's "
                    + "secret" + (connection.notificationUrl() != null ? " and notification URL" : ""));
        }
    }

    /** The delivery's events, from the connected account only. */
    void readEvents(Exchange exchange) {
        WebhookConnection connection = connection(exchange);
        Message in = exchange.getMessage();
        List<ProviderEvent> events = scheme(connection).read(in.getBody(byte[].class),
                name -> in.getHeader(name, String.class), connection.currency());
        for (ProviderEvent event : events) {
            if (connection.accountRef() != null && !connection.accountRef().equals(event.account())) {
                throw new HttpProblem(403, "other-account", "the event comes from another " + connection.provider()
                        + " account than the one this merchant connected");
            }
        }
        exchange.setProperty(EVENTS, events);
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
