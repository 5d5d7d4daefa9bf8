package io.loyaltyhub.adapters.webhook;

import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.TxnRef;
import java.time.OffsetDateTime;

/**
 * A provider's webhook event, read: what it means for points ({@link Kind}), the references and amount of the
 * transaction it becomes, and the clues to the loyalty card ({@link CardClues}). No card number is kept here beyond the
 * clues, which the hub reads (tokenizes) at once and drops.
 *
 * @param eventId the provider's id of the event (the idempotency key)
 * @param eventType the provider's event type or topic
 * @param account the provider account that sent it (Square merchant id, Shopify shop domain), null when not given
 * @param signedAt when the provider says it made the event, where that time is covered by the signature (else null)
 * @param ref the transaction's own reference: the sale's for a sale, the refund's for a refund, the cancellation's
 * @param original the sale a refund or cancellation undoes (null for a sale)
 * @param amount what was spent or refunded (zero for a cancellation)
 * @param ignoredBecause for {@link Kind#IGNORED}, why (documented in docs/webhooks.md)
 * @param customerRef the provider's id of the customer (Loyverse): a sale's buyer, or the customer a
 *                    {@link Kind#CUSTOMER} event describes; null where the provider carries the customer inline
 */
public record ProviderEvent(String eventId, String eventType, String account, OffsetDateTime signedAt, Kind kind,
                            TxnRef ref, TxnRef original, Money amount, OffsetDateTime occurredAt, CardClues clues,
                            String ignoredBecause, String customerRef) {

    public ProviderEvent(String eventId, String eventType, String account, OffsetDateTime signedAt, Kind kind, TxnRef ref,
                         TxnRef original, Money amount, OffsetDateTime occurredAt, CardClues clues, String ignoredBecause) {
        this(eventId, eventType, account, signedAt, kind, ref, original, amount, occurredAt, clues, ignoredBecause, null);
    }

    /** What an event means for points. */
    public enum Kind {
        /** A completed, paid sale. */
        SALE,
        /** Money given back on an earlier sale: points reversed in proportion. */
        REFUND,
        /** The earlier sale undone as a whole. */
        CANCELLATION,
        /** Nothing to credit: acknowledged and kept with the reason. */
        IGNORED,
        /**
         * A customer record (Loyverse {@code customers.update}): nothing to credit, but the card its clues name is
         * remembered for the customer's later receipts.
         */
        CUSTOMER
    }

    static ProviderEvent ignored(String eventId, String eventType, String account, OffsetDateTime signedAt, String why) {
        return new ProviderEvent(eventId, eventType, account, signedAt, Kind.IGNORED, null, null, null, null,
                CardClues.NONE, why);
    }

    /** Masks the clues: a note may hold a card number. */
    @Override
    public String toString() {
        return "ProviderEvent[" + eventType + " " + eventId + ", " + kind + " " + ref + "]";
    }
}
