package io.loyaltyhub.hub.webhook;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.txn.Submitted;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.webhook.WebhookEvent;
import io.loyaltyhub.domain.webhook.WebhookEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * Crediting a stored event through the intake like every other channel's transactions, and keeping the engine's
 * answer with the event. An event the engine has not answered (the hub stopped, the queue refused it, the answer took
 * too long) stays pending and is handed to the intake again by {@link #pendingEvents}: the engine takes a copy of a
 * transaction once, so crediting an event twice changes nothing.
 */
final class WebhookCrediting {
    static final String CREDITING = "loyaltyhub.webhook-crediting";
    /** The event's id, for the log (a plain property: the hub runs no bean language). */
    static final String EVENT_ID = "webhookEventId";
    private static final int PENDING_BATCH = 500;

    private final WebhookEvents events;
    private final Clock clock;
    private final Duration retryAfter;

    WebhookCrediting(WebhookEvents events, Clock clock, Duration retryAfter) {
        this.events = events;
        this.clock = clock;
        this.retryAfter = retryAfter;
    }

    /** The stored event (the body) becomes its transaction; the event stays on the exchange for {@link #settle}. */
    void toTransaction(Exchange exchange) {
        WebhookEvent event = exchange.getMessage().getBody(WebhookEvent.class);
        exchange.setProperty(CREDITING, event);
        exchange.setProperty(EVENT_ID, event.provider() + " " + event.eventId());
        exchange.getMessage().setBody(event.transaction());
    }

    /**
     * Whether the event may go to the engine now: a refund or cancellation waits while its sale is stored but not yet
     * credited (the engine would decline it as original-not-found, and keep that answer for every copy); it stays
     * pending and goes with the next retry, after its sale.
     */
    boolean originalSettled(Exchange exchange) {
        WebhookEvent event = exchange.getProperty(CREDITING, WebhookEvent.class);
        TxnRef original = event.transaction().originalTxnRef();
        return original == null || !events.saleIsPending(event.merchant(), event.provider(), original);
    }

    /** The engine's answer kept with the event; "pending" or "not stored" leave it to the next retry. */
    void settle(Exchange exchange) {
        WebhookEvent event = exchange.getProperty(CREDITING, WebhookEvent.class);
        if (exchange.getMessage().getBody() instanceof Submitted.Answered answered) {
            TransactionOutcome outcome = answered.outcome();
            events.settle(event.merchant(), event.provider(), event.eventId(),
                    outcome.approved() ? WebhookEvent.Status.CREDITED : WebhookEvent.Status.DECLINED,
                    outcome.result().code(), outcome.points(), clock.instant());
        }
    }

    /** Every merchant's events stored more than one retry interval ago and still not answered by the engine. */
    void pendingEvents(Exchange exchange) {
        List<WebhookEvent> pending = new ArrayList<>();
        for (MerchantId merchant : events.merchantsWithPendingEvents()) {
            pending.addAll(events.pending(merchant, clock.instant().minus(retryAfter), PENDING_BATCH));
        }
        exchange.getMessage().setBody(pending);
    }
}
