package io.loyaltyhub.hub.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.adapters.webhook.ProviderEvent;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.PresentedCard;
import io.loyaltyhub.domain.txn.TransactionType;
import io.loyaltyhub.domain.webhook.WebhookConnection;
import io.loyaltyhub.domain.webhook.WebhookEvent;
import io.loyaltyhub.domain.webhook.WebhookEvents;
import io.loyaltyhub.hub.http.ResponseBodies;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * The event as the hub keeps it, stored (and synced) before the provider is answered: the canonical transaction it
 * means, with the card found at the edge (token and last four only), or why it credits nothing. A resend of a stored
 * event finds the first record and is answered as a copy. The answer is 200 either way: the provider stops resending.
 */
final class WebhookEventRecording {
    /** The event as stored (the body after {@link #record}). */
    static final String STORED = "loyaltyhub.webhook-stored";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookEvents events;
    private final LoyaltyCardFinder cards;
    private final WebhookDeliveries deliveries;
    private final Clock clock;

    WebhookEventRecording(WebhookEvents events, LoyaltyCardFinder cards, WebhookDeliveries deliveries, Clock clock) {
        this.events = events;
        this.cards = cards;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    void record(Exchange exchange) {
        WebhookConnection connection = WebhookDeliveries.connection(exchange);
        ProviderEvent event = WebhookDeliveries.event(exchange);
        Optional<WebhookEvent> earlier = events.find(connection.merchant(), connection.provider(), event.eventId());
        if (earlier.isPresent()) {
            answer(exchange, earlier.get(), false);
            return;
        }
        deliveries.refuseIfReplayed(event);
        WebhookEvents.Recorded recorded = events.record(meaning(connection, event), clock.instant());
        answer(exchange, recorded.event(), recorded.first());
    }

    /** Whether the stored event still waits for the engine (then it is handed to the crediting route). */
    static boolean pending(Exchange exchange) {
        return exchange.getProperty(STORED, WebhookEvent.class).status() == WebhookEvent.Status.PENDING;
    }

    private WebhookEvent meaning(WebhookConnection connection, ProviderEvent event) {
        if (event.kind() == ProviderEvent.Kind.IGNORED) {
            return notCredited(connection, event, WebhookEvent.Status.IGNORED, event.ignoredBecause());
        }
        PresentedCard card;
        if (event.kind() == ProviderEvent.Kind.SALE) {
            LoyaltyCardFinder.Found found = cards.find(connection.merchant(), event.clues());
            if (found.card() == null) {
                return notCredited(connection, event, WebhookEvent.Status.NO_CARD, found.notFound());
            }
            card = found.card();
        } else {
            Optional<PresentedCard> ofSale = events.cardOfSale(connection.merchant(), connection.provider(), event.original());
            if (ofSale.isEmpty()) {
                return notCredited(connection, event, WebhookEvent.Status.NO_CARD,
                        "the sale it " + (event.kind() == ProviderEvent.Kind.REFUND ? "refunds" : "cancels")
                                + " was not credited with a card by the hub");
            }
            card = ofSale.get();
        }
        return WebhookEvent.toCredit(connection.merchant(), connection.provider(), event.eventId(), event.eventType(),
                transaction(connection, event, card));
    }

    private static PosTransaction transaction(WebhookConnection connection, ProviderEvent event, PresentedCard card) {
        TransactionType type = switch (event.kind()) {
            case SALE -> TransactionType.SALE;
            case REFUND -> TransactionType.REFUND;
            case CANCELLATION -> TransactionType.VOID;
            case IGNORED -> throw new IllegalArgumentException("an ignored event is no transaction");
        };
        try {
            return new PosTransaction(connection.merchant(), connection.store(), connection.terminal(), event.ref(), type,
                    card, event.amount(), event.occurredAt(), List.of(), event.original(), 0, Channel.WEBHOOK);
        } catch (IllegalArgumentException e) {
            throw new InputRejected("invalid-transaction", e.getMessage());
        }
    }

    private static WebhookEvent notCredited(WebhookConnection connection, ProviderEvent event, WebhookEvent.Status status,
                                            String why) {
        return WebhookEvent.notCredited(connection.merchant(), connection.provider(), event.eventId(), event.eventType(),
                status, why);
    }

    private static void answer(Exchange exchange, WebhookEvent stored, boolean first) {
        exchange.setProperty(STORED, stored);
        ObjectNode body = JSON.createObjectNode()
                .put("status", first ? "received" : "copy")
                .put("event", stored.eventId())
                .put("result", stored.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (stored.detail() != null) {
            body.put("detail", stored.detail());
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(ResponseBodies.whole(body.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
