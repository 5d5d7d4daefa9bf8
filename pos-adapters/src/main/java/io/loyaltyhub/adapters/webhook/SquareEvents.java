package io.loyaltyhub.adapters.webhook;

import static io.loyaltyhub.adapters.webhook.WebhookJson.object;
import static io.loyaltyhub.adapters.webhook.WebhookJson.optionalText;
import static io.loyaltyhub.adapters.webhook.WebhookJson.text;
import static io.loyaltyhub.adapters.webhook.WebhookJson.time;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.adapters.InputRejected;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Square's event notifications (developer.squareup.com/reference/square/webhooks): an envelope of {@code merchant_id},
 * {@code type}, {@code event_id}, {@code created_at} and {@code data.object}. Read for points:
 * <ul>
 *   <li>{@code payment.created} / {@code payment.updated} with status {@code COMPLETED}: a sale of
 *   {@code amount_money} (tips are not spent on goods), referenced by the payment id (so the two events of one payment
 *   are one sale);</li>
 *   <li>{@code refund.created} / {@code refund.updated} with status {@code COMPLETED}: a refund of
 *   {@code amount_money} on the payment {@code payment_id};</li>
 *   <li>anything else, and payments or refunds in another status: ignored with the reason.</li>
 * </ul>
 * The card is looked for in the payment's {@code note}, then its {@code buyer_email_address}.
 */
public final class SquareEvents {
    static final String SALE_PREFIX = "sq-";
    static final String REFUND_PREFIX = "sqr-";

    private SquareEvents() {
    }

    public static ProviderEvent read(byte[] body) {
        JsonNode root = WebhookJson.parse(body);
        String eventId = text(root, "event_id");
        String type = text(root, "type");
        String account = text(root, "merchant_id");
        OffsetDateTime createdAt = time(root, "created_at");
        return switch (type) {
            case "payment.created", "payment.updated" -> payment(root, eventId, type, account, createdAt);
            case "refund.created", "refund.updated" -> refund(root, eventId, type, account, createdAt);
            default -> ProviderEvent.ignored(eventId, type, account, createdAt, "event type not used for points");
        };
    }

    private static ProviderEvent payment(JsonNode root, String eventId, String type, String account, OffsetDateTime at) {
        JsonNode payment = object(object(object(root, "data"), "object"), "payment");
        String status = text(payment, "status");
        if (!status.equals("COMPLETED")) {
            return ProviderEvent.ignored(eventId, type, account, at, "payment not completed (" + shown(status) + ")");
        }
        return new ProviderEvent(eventId, type, account, at, ProviderEvent.Kind.SALE,
                References.of(SALE_PREFIX, text(payment, "id")), null, WebhookJson.minorUnits(object(payment, "amount_money")),
                time(payment, "created_at"), new CardClues(List.of(nullToEmpty(optionalText(payment, "note"))),
                optionalText(payment, "buyer_email_address"), null), null);
    }

    private static ProviderEvent refund(JsonNode root, String eventId, String type, String account, OffsetDateTime at) {
        JsonNode refund = object(object(object(root, "data"), "object"), "refund");
        String status = text(refund, "status");
        if (!status.equals("COMPLETED")) {
            return ProviderEvent.ignored(eventId, type, account, at, "refund not completed (" + shown(status) + ")");
        }
        return new ProviderEvent(eventId, type, account, at, ProviderEvent.Kind.REFUND,
                References.of(REFUND_PREFIX, text(refund, "id")), References.of(SALE_PREFIX, text(refund, "payment_id")),
                WebhookJson.minorUnits(object(refund, "amount_money")), time(refund, "created_at"), CardClues.NONE, null);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    static String shown(String value) {
        if (value.length() > 30 || !value.matches("[A-Za-z_]+")) {
            throw new InputRejected("malformed-body", "unexpected status");
        }
        return value;
    }
}
