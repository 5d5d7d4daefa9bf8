package io.loyaltyhub.domain.webhook;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.txn.PosTransaction;
import java.util.regex.Pattern;

/**
 * One provider event as the hub keeps it (table {@code webhook_event}): keyed by merchant, provider and the provider's
 * event id; the canonical transaction it was read as (null when there is none: an event ignored, or no card found);
 * its status and, once the engine answered, its result.
 */
public record WebhookEvent(MerchantId merchant, String provider, String eventId, String eventType, Status status,
                           String detail, PosTransaction transaction, String resultCode, Long points) {
    private static final Pattern PROVIDER = Pattern.compile("[a-z]{1,16}");
    private static final Pattern EVENT_ID = Pattern.compile("[\\x21-\\x7e]{1,100}");

    /** Where an event stands. */
    public enum Status {
        /** Stored, not yet answered by the engine: credited (again) until it is. */
        PENDING,
        /** The engine approved it. */
        CREDITED,
        /** The engine declined or refused it ({@code resultCode} says why). */
        DECLINED,
        /** No loyalty card was found for it ({@code detail} says where the hub looked). */
        NO_CARD,
        /** An event that credits nothing (another event type, a payment not completed; {@code detail} says which). */
        IGNORED
    }

    public WebhookEvent {
        if (merchant == null || status == null) {
            throw new IllegalArgumentException("a webhook event needs a merchant and a status");
        }
        requireProvider(provider);
        if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
            throw new IllegalArgumentException("event id must be 1-100 printable characters");
        }
        if (eventType == null || eventType.isBlank() || eventType.length() > 60) {
            throw new IllegalArgumentException("event type must be 1-60 characters");
        }
        if (status == Status.PENDING && transaction == null) {
            throw new IllegalArgumentException("a pending event carries its transaction");
        }
        if (detail != null && detail.length() > 300) {
            detail = detail.substring(0, 300);
        }
    }

    /** An event to credit. */
    public static WebhookEvent toCredit(MerchantId merchant, String provider, String eventId, String eventType,
                                        PosTransaction transaction) {
        return new WebhookEvent(merchant, provider, eventId, eventType, Status.PENDING, null, transaction, null, null);
    }

    /** An event that credits nothing: ignored, or no card found. */
    public static WebhookEvent notCredited(MerchantId merchant, String provider, String eventId, String eventType,
                                           Status status, String detail) {
        if (status != Status.IGNORED && status != Status.NO_CARD) {
            throw new IllegalArgumentException(status + " is not a status of an event that credits nothing");
        }
        return new WebhookEvent(merchant, provider, eventId, eventType, status, detail, null, null, null);
    }

    static void requireProvider(String provider) {
        if (provider == null || !PROVIDER.matcher(provider).matches()) {
            throw new IllegalArgumentException("provider must be 1-16 lower-case letters");
        }
    }
}
