package io.loyaltyhub.adapters.webhook;

import static io.loyaltyhub.adapters.webhook.WebhookJson.optionalText;
import static io.loyaltyhub.adapters.webhook.WebhookJson.text;
import static io.loyaltyhub.adapters.webhook.WebhookJson.time;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.domain.model.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shopify's webhooks (shopify.dev/docs/api/webhooks): the topic in {@code X-Shopify-Topic}, the delivery's id in
 * {@code X-Shopify-Webhook-Id} (the same on every retry of one delivery: the idempotency key), the shop in
 * {@code X-Shopify-Shop-Domain}, the resource (an order, a refund) as the body. Read for points:
 * <ul>
 *   <li>{@code orders/paid}: a sale of {@code total_price}, referenced by the order id;</li>
 *   <li>{@code refunds/create}: a refund of the successful {@code refund} transactions, on the order {@code order_id};
 *   a refund that gives no money back (a restock only) is ignored;</li>
 *   <li>{@code orders/cancelled}: the sale undone, unless the order was refunded (its {@code refunds} reverse the
 *   points), then ignored;</li>
 *   <li>every other topic: ignored.</li>
 * </ul>
 * The card is looked for in a note attribute whose name contains "loyalty", the customer's note, the order's note,
 * then the customer's (or order's) email and phone.
 */
public final class ShopifyEvents {
    static final String SALE_PREFIX = "sh-";
    static final String REFUND_PREFIX = "shr-";
    static final String CANCEL_PREFIX = "shc-";

    private ShopifyEvents() {
    }

    /** @param topic {@code X-Shopify-Topic}; @param webhookId {@code X-Shopify-Webhook-Id}; @param shop {@code X-Shopify-Shop-Domain} */
    public static ProviderEvent read(byte[] body, String topic, String webhookId, String shop) {
        if (webhookId == null || !webhookId.matches("[\\x21-\\x7e]{1,100}")) {
            throw new InputRejected("missing-event-id", "X-Shopify-Webhook-Id is missing or not an id");
        }
        if (topic == null || !topic.matches("[a-z_]{1,40}/[a-z_]{1,40}")) {
            throw new InputRejected("missing-event-type", "X-Shopify-Topic is missing or not a topic");
        }
        JsonNode root = WebhookJson.parse(body);
        return switch (topic) {
            case "orders/paid" -> paid(root, topic, webhookId, shop);
            case "refunds/create" -> refund(root, topic, webhookId, shop);
            case "orders/cancelled" -> cancelled(root, topic, webhookId, shop);
            default -> ProviderEvent.ignored(webhookId, topic, shop, null, "topic not used for points");
        };
    }

    private static ProviderEvent paid(JsonNode order, String topic, String webhookId, String shop) {
        String currency = text(order, "currency");
        JsonNode customer = order.get("customer");
        List<String> texts = new ArrayList<>();
        JsonNode attributes = order.get("note_attributes");
        if (attributes != null && attributes.isArray()) {
            for (JsonNode attribute : attributes) {
                String name = optionalText(attribute, "name");
                if (name != null && name.toLowerCase(Locale.ROOT).contains("loyalty")) {
                    texts.add(optionalText(attribute, "value"));
                }
            }
        }
        texts.add(optionalText(customer, "note"));
        texts.add(optionalText(order, "note"));
        String email = firstOf(optionalText(customer, "email"), optionalText(order, "email"));
        String phone = firstOf(optionalText(customer, "phone"), optionalText(order, "phone"));
        return new ProviderEvent(webhookId, topic, shop, null, ProviderEvent.Kind.SALE,
                References.of(SALE_PREFIX, text(order, "id")), null, WebhookJson.decimal(text(order, "total_price"), currency),
                time(order, order.hasNonNull("processed_at") ? "processed_at" : "created_at"),
                new CardClues(texts, email, phone), null);
    }

    private static ProviderEvent refund(JsonNode refund, String topic, String webhookId, String shop) {
        JsonNode transactions = refund.get("transactions");
        Money refunded = null;
        if (transactions != null && transactions.isArray()) {
            for (JsonNode transaction : transactions) {
                if ("refund".equals(optionalText(transaction, "kind")) && "success".equals(optionalText(transaction, "status"))) {
                    Money amount = WebhookJson.decimal(text(transaction, "amount"), text(transaction, "currency"));
                    if (refunded != null && !amount.isIn(refunded.currency())) {
                        throw new InputRejected("malformed-body", "a refund's transactions are in two currencies");
                    }
                    refunded = refunded == null ? amount : refunded.plus(amount);
                }
            }
        }
        if (refunded == null || refunded.isZero()) {
            return ProviderEvent.ignored(webhookId, topic, shop, null, "refund gives no money back");
        }
        return new ProviderEvent(webhookId, topic, shop, null, ProviderEvent.Kind.REFUND,
                References.of(REFUND_PREFIX, text(refund, "id")), References.of(SALE_PREFIX, text(refund, "order_id")),
                refunded, time(refund, "created_at"), CardClues.NONE, null);
    }

    private static ProviderEvent cancelled(JsonNode order, String topic, String webhookId, String shop) {
        JsonNode refunds = order.get("refunds");
        if (refunds != null && refunds.isArray() && !refunds.isEmpty()) {
            return ProviderEvent.ignored(webhookId, topic, shop, null, "cancelled order was refunded: its refunds reverse the points");
        }
        String id = text(order, "id");
        return new ProviderEvent(webhookId, topic, shop, null, ProviderEvent.Kind.CANCELLATION,
                References.of(CANCEL_PREFIX, id), References.of(SALE_PREFIX, id),
                Money.zero(Money.currencyOf(text(order, "currency"))), time(order, "cancelled_at"), CardClues.NONE, null);
    }

    private static String firstOf(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
