package io.loyaltyhub.hub.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.adapters.webhook.ProviderEvent;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.PresentedCard;
import io.loyaltyhub.domain.txn.TransactionType;
import io.loyaltyhub.domain.webhook.WebhookConnection;
import io.loyaltyhub.domain.webhook.WebhookCustomerCards;
import io.loyaltyhub.domain.webhook.WebhookEvent;
import io.loyaltyhub.domain.webhook.WebhookEvents;
import io.loyaltyhub.hub.http.ResponseBodies;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * The event as the hub keeps it, stored (and synced) before the provider is answered: the canonical transaction it
 * means, with the card found at the edge (token and last four only), or why it credits nothing. A resend of a stored
 * event finds the first record and is answered as a copy. The answer is 200 either way: the provider stops resending.
 * A delivery with several events (a Loyverse receipts.update) stores each under its own key, and is answered with each.
 * A customer event (Loyverse customers.update) credits nothing; the card its clues name is remembered for the
 * customer's later sales.
 */
final class WebhookEventRecording {
    /** The delivery's events as stored that still wait for the engine (to be handed to the crediting route). */
    static final String PENDING = "loyaltyhub.webhook-pending";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookEvents events;
    private final LoyaltyCardFinder cards;
    private final WebhookCustomerCards customerCards;
    private final WebhookDeliveries deliveries;
    private final Clock clock;

    WebhookEventRecording(WebhookEvents events, LoyaltyCardFinder cards, WebhookCustomerCards customerCards,
                          WebhookDeliveries deliveries, Clock clock) {
        this.events = events;
        this.cards = cards;
        this.customerCards = customerCards;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    void record(Exchange exchange) {
        WebhookConnection connection = WebhookDeliveries.connection(exchange);
        List<ObjectNode> answers = new ArrayList<>();
        List<WebhookEvent> pending = new ArrayList<>();
        for (ProviderEvent event : WebhookDeliveries.events(exchange)) {
            Optional<WebhookEvent> earlier = events.find(connection.merchant(), connection.provider(), event.eventId());
            WebhookEvent stored;
            if (earlier.isPresent()) {
                stored = earlier.get();
                answers.add(answerOf(stored, false));
            } else {
                deliveries.refuseIfReplayed(event);
                WebhookEvents.Recorded recorded = events.record(meaning(connection, event), clock.instant());
                stored = recorded.event();
                answers.add(answerOf(stored, recorded.first()));
            }
            if (stored.status() == WebhookEvent.Status.PENDING) {
                pending.add(stored);
            }
        }
        exchange.setProperty(PENDING, pending);
        answer(exchange, answers);
    }

    private WebhookEvent meaning(WebhookConnection connection, ProviderEvent event) {
        if (event.kind() == ProviderEvent.Kind.IGNORED) {
            return notCredited(connection, event, WebhookEvent.Status.IGNORED, event.ignoredBecause());
        }
        if (event.kind() == ProviderEvent.Kind.CUSTOMER) {
            return rememberCustomer(connection, event);
        }
        PresentedCard card;
        if (event.kind() == ProviderEvent.Kind.SALE) {
            LoyaltyCardFinder.Found found = cardOfSale(connection, event);
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

    /**
     * The sale's card: for a provider that names only its customer (Loyverse), the card remembered from that customer's
     * record; otherwise from the event's clues.
     */
    private LoyaltyCardFinder.Found cardOfSale(WebhookConnection connection, ProviderEvent event) {
        if (event.customerRef() == null) {
            return cards.find(connection.merchant(), event.clues());
        }
        return customerCards.cardOf(connection.merchant(), connection.provider(), event.customerRef())
                .map(card -> new LoyaltyCardFinder.Found(card, null))
                .orElseGet(() -> new LoyaltyCardFinder.Found(null, "no loyalty card known for the " + connection.provider()
                        + " customer " + event.customerRef() + " (its customers.update named none, or never came)"));
    }

    /** A customer record: the card it names remembered for the customer's sales (or forgotten when it names none). */
    private WebhookEvent rememberCustomer(WebhookConnection connection, ProviderEvent event) {
        LoyaltyCardFinder.Found found = cards.find(connection.merchant(), event.clues());
        if (found.card() == null) {
            customerCards.forget(connection.merchant(), connection.provider(), event.customerRef());
            return notCredited(connection, event, WebhookEvent.Status.IGNORED,
                    "customer record: no loyalty card found, none remembered for its receipts");
        }
        customerCards.remember(connection.merchant(), connection.provider(), event.customerRef(), found.card(),
                clock.instant());
        return notCredited(connection, event, WebhookEvent.Status.IGNORED, "customer record: card ending "
                + found.card().token().last4() + " remembered for its receipts");
    }

    private static PosTransaction transaction(WebhookConnection connection, ProviderEvent event, PresentedCard card) {
        TransactionType type = switch (event.kind()) {
            case SALE -> TransactionType.SALE;
            case REFUND -> TransactionType.REFUND;
            case CANCELLATION -> TransactionType.VOID;
            case IGNORED, CUSTOMER -> throw new IllegalArgumentException("an ignored event is no transaction");
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

    private static ObjectNode answerOf(WebhookEvent stored, boolean first) {
        ObjectNode body = JSON.createObjectNode()
                .put("status", first ? "received" : "copy")
                .put("event", stored.eventId())
                .put("result", stored.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (stored.detail() != null) {
            body.put("detail", stored.detail());
        }
        return body;
    }

    /** One event: its answer; several: {"status": received when any was new, else copy, "events": [each answer]}. */
    private static void answer(Exchange exchange, List<ObjectNode> answers) {
        ObjectNode body = answers.get(0);
        if (answers.size() > 1) {
            boolean anyNew = answers.stream().anyMatch(a -> a.get("status").asText().equals("received"));
            body = JSON.createObjectNode().put("status", anyNew ? "received" : "copy");
            ArrayNode each = body.putArray("events");
            answers.forEach(each::add);
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(ResponseBodies.whole(body.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
