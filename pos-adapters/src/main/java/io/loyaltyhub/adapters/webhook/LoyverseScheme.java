package io.loyaltyhub.adapters.webhook;

import static io.loyaltyhub.adapters.webhook.WebhookJson.optionalText;
import static io.loyaltyhub.adapters.webhook.WebhookJson.text;
import static io.loyaltyhub.adapters.webhook.WebhookJson.time;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.domain.model.Money;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Loyverse (developer.loyverse.com, webhooks): a JSON body of {@code merchant_id}, {@code type}, {@code created_at}
 * and the changed objects, signed in {@code X-Loyverse-Signature}.
 *
 * <p>Signature: Loyverse's documentation names the header and speaks of a base64 value but names no algorithm;
 * integrators report an HMAC-SHA1 of the raw body keyed with the app's OAuth client secret, written in hex. The hub
 * computes exactly that HMAC-SHA1 and accepts it written in hex or in base64 (the two encodings the sources disagree
 * on; the MAC is the same), compared in constant time. Anything else fails.
 *
 * <p>Read for points:
 * <ul>
 *   <li>{@code receipts.update}: every receipt of its {@code receipts} array is its own event, keyed by its
 *   {@code receipt_number} (so a delivery with several receipts, or a receipt sent again in a later delivery, credits
 *   each once): a {@code SALE} receipt is a sale of {@code total_money}; a {@code REFUND} receipt a refund of it on the
 *   receipt {@code refund_for}; a receipt with {@code cancelled_at} the cancellation of its sale (its own key: the
 *   receipt number and "cancelled");</li>
 *   <li>{@code customers.update}: every customer of its {@code customers} array remembered with the loyalty card its
 *   {@code customer_code} (or, with consent, email or phone) names, since a receipt carries only {@code customer_id};</li>
 *   <li>any other type: ignored.</li>
 * </ul>
 * Loyverse's amounts name no currency: the connection's is used.
 */
final class LoyverseScheme implements ProviderScheme {
    static final String HEADER = "X-Loyverse-Signature";
    static final String SALE_PREFIX = "lv-";
    static final String CANCEL_PREFIX = "lvc-";

    @Override
    public String signatureHeader() {
        return HEADER;
    }

    @Override
    public boolean verify(byte[] secret, String notificationUrl, byte[] rawBody, String headerValue) {
        return WebhookSignatures.matchesHexOrBase64(WebhookSignatures.hmac("HmacSHA1", secret, rawBody), headerValue);
    }

    @Override
    public String sign(byte[] secret, String notificationUrl, byte[] rawBody) {
        return HexFormat.of().formatHex(WebhookSignatures.hmac("HmacSHA1", secret, rawBody));
    }

    @Override
    public List<ProviderEvent> read(byte[] rawBody, UnaryOperator<String> header, String currency) {
        JsonNode root = WebhookJson.parse(rawBody);
        String type = text(root, "type");
        String account = optionalText(root, "merchant_id");
        OffsetDateTime createdAt = time(root, "created_at");
        List<ProviderEvent> events = new ArrayList<>();
        switch (type) {
            case "receipts.update" -> {
                WebhookJson.currency(currency);
                for (JsonNode receipt : WebhookJson.nonEmptyArray(root, "receipts")) {
                    events.add(receipt(receipt, type, account, createdAt, currency));
                }
            }
            case "customers.update" -> {
                for (JsonNode customer : WebhookJson.nonEmptyArray(root, "customers")) {
                    events.add(customer(customer, type, account, createdAt));
                }
            }
            default -> events.add(ProviderEvent.ignored(References.ofBody(SquareEvents.shown(type.replace('.', '_')),
                    rawBody), type, account, createdAt, "webhook type not used for points"));
        }
        return events;
    }

    private static ProviderEvent receipt(JsonNode receipt, String type, String account, OffsetDateTime signedAt,
                                         String currency) {
        String number = References.id(text(receipt, "receipt_number"));
        String receiptType = SquareEvents.shown(text(receipt, "receipt_type"));
        String customer = optionalText(receipt, "customer_id");
        boolean cancelled = optionalText(receipt, "cancelled_at") != null;
        String eventId = "receipt:" + number + (cancelled ? ":cancelled" : "");
        OffsetDateTime at = time(receipt, receipt.hasNonNull("receipt_date") ? "receipt_date" : "created_at");
        if (receiptType.equals("SALE") && cancelled) {
            return new ProviderEvent(eventId, type, account, signedAt, ProviderEvent.Kind.CANCELLATION,
                    References.of(CANCEL_PREFIX, number), References.of(SALE_PREFIX, number),
                    Money.zero(WebhookJson.currency(currency)), time(receipt, "cancelled_at"), CardClues.NONE, null, customer);
        }
        if (receiptType.equals("SALE")) {
            return new ProviderEvent(eventId, type, account, signedAt, ProviderEvent.Kind.SALE,
                    References.of(SALE_PREFIX, number), null, amount(receipt, currency), at, CardClues.NONE, null, customer);
        }
        if (!receiptType.equals("REFUND")) {
            return ProviderEvent.ignored(eventId, type, account, signedAt, "receipt type " + receiptType + " not used for points");
        }
        if (cancelled) {
            return ProviderEvent.ignored(eventId, type, account, signedAt, "a cancelled refund gives nothing back");
        }
        String refundFor = optionalText(receipt, "refund_for");
        if (refundFor == null) {
            return ProviderEvent.ignored(eventId, type, account, signedAt, "refund receipt names no sale (refund_for)");
        }
        return new ProviderEvent(eventId, type, account, signedAt, ProviderEvent.Kind.REFUND,
                References.of(SALE_PREFIX, number), References.of(SALE_PREFIX, References.id(refundFor)),
                amount(receipt, currency), at, CardClues.NONE, null, customer);
    }

    private static Money amount(JsonNode receipt, String currency) {
        return WebhookJson.rounded(WebhookJson.majorUnits(receipt, "total_money").abs(), currency);
    }

    private static ProviderEvent customer(JsonNode customer, String type, String account, OffsetDateTime signedAt) {
        String id = References.id(text(customer, "id"));
        String version = customer.hasNonNull("updated_at") ? time(customer, "updated_at").toString() : signedAt.toString();
        CardClues clues = new CardClues(textsOf(optionalText(customer, "customer_code"), optionalText(customer, "note")),
                optionalText(customer, "email"), optionalText(customer, "phone_number"));
        return new ProviderEvent("customer:" + id + ":" + version, type, account, signedAt, ProviderEvent.Kind.CUSTOMER,
                null, null, null, null, clues, null, id);
    }

    private static List<String> textsOf(String... texts) {
        List<String> present = new ArrayList<>();
        for (String text : texts) {
            if (text != null) {
                present.add(text);
            }
        }
        return present;
    }
}
