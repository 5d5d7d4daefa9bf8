package io.loyaltyhub.adapters.simulator;

import io.loyaltyhub.adapters.webhook.WebhookExamples;
import io.loyaltyhub.adapters.webhook.WebhookProvider;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cloud POS provider as the hub sees it: the provider's example bodies (see {@link WebhookExamples}) with one sale's
 * values, signed exactly as the provider signs them, POSTed to the merchant's webhook address.
 */
public final class WebhookTill {
    /** What the hub answered. */
    public record Delivery(int status, String body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI address;
    private final String provider;
    private final byte[] secret;
    private final String signedUrl;
    private final String account;

    /**
     * @param hub the hub's base URL
     * @param signedUrl Square only: the notification URL Square would sign (null: the address posted to)
     * @param account the provider account the events come from (Square merchant id, Shopify shop domain)
     */
    public WebhookTill(URI hub, String provider, String merchantCode, byte[] secret, String signedUrl, String account) {
        this.address = hub.resolve("/webhooks/v1/" + provider + "/" + merchantCode);
        this.provider = provider;
        this.secret = secret.clone();
        this.signedUrl = signedUrl != null ? signedUrl : address.toString();
        this.account = account;
    }

    public URI address() {
        return address;
    }

    /** Square {@code payment.updated}, completed; the card number (if any) in the payment's note. */
    public Delivery squareSale(String eventId, String paymentId, long amount, String currency, String note, String email,
                               OffsetDateTime at) {
        return send(square(WebhookExamples.squarePayment(), eventId, at).with("payment_id", paymentId)
                .with("amount", amount).with("currency", currency).json("note", note).json("email", email), null, null);
    }

    /** Square {@code refund.updated}, completed, on a payment. */
    public Delivery squareRefund(String eventId, String paymentId, String refundId, long amount, String currency,
                                 OffsetDateTime at) {
        return send(square(WebhookExamples.squareRefund(), eventId, at).with("payment_id", paymentId)
                .with("refund_id", refundId).with("amount", amount).with("currency", currency), null, null);
    }

    /** Shopify {@code orders/paid}; the card number (if any) in a "Loyalty card" note attribute. */
    public Delivery shopifySale(String webhookId, long orderId, long amount, String currency, String loyaltyCard,
                                String email, OffsetDateTime at) {
        WebhookExamples order = WebhookExamples.shopifyOrderPaid().with("order_id", orderId).with("created_at", at)
                .with("currency", currency).with("total_price", decimal(amount, currency)).json("email", email);
        if (loyaltyCard != null) {
            order.with("attribute_name", "Loyalty card").json("attribute_value", loyaltyCard);
        }
        return send(order, "orders/paid", webhookId);
    }

    /** Shopify {@code refunds/create} with one successful refund transaction. */
    public Delivery shopifyRefund(String webhookId, long orderId, long refundId, long amount, String currency,
                                  OffsetDateTime at) {
        return send(WebhookExamples.shopifyRefund().with("refund_id", refundId).with("order_id", orderId)
                .with("created_at", at).with("amount", decimal(amount, currency)).with("currency", currency),
                "refunds/create", webhookId);
    }

    /** Shopify {@code orders/cancelled}, not refunded. */
    public Delivery shopifyCancellation(String webhookId, long orderId, String currency, OffsetDateTime at) {
        return send(WebhookExamples.shopifyOrderCancelled().with("order_id", orderId).with("created_at", at)
                .with("currency", currency).with("total_price", "0.00"), "orders/cancelled", webhookId);
    }

    /** A Loyverse receipt (of {@code receiptType} SALE or REFUND) for {@link #loyverseReceipts}: amount in minor units. */
    public static WebhookExamples loyverseReceipt(String receiptNumber, String receiptType, long amount, String currency,
                                                  String customerId, OffsetDateTime at) {
        return WebhookExamples.loyverseReceipt().with("receipt_number", receiptNumber).with("receipt_type", receiptType)
                .with("total_money", decimal(amount, currency)).json("customer_id", customerId).with("created_at", at);
    }

    /** Loyverse {@code receipts.update} carrying these receipts. */
    public Delivery loyverseReceipts(OffsetDateTime at, WebhookExamples... receipts) {
        return sendSigned(WebhookExamples.loyverseReceipts(receipts).with("account", accountOr("LVSIMULATOR"))
                .with("created_at", at).body(), "application/json");
    }

    /** Loyverse {@code customers.update}: the customer, with the loyalty card number as its customer code (or none). */
    public Delivery loyverseCustomer(String customerId, String customerCode, String email, OffsetDateTime at) {
        return sendSigned(WebhookExamples.loyverseCustomer().with("account", accountOr("LVSIMULATOR"))
                .with("customer_id", customerId).json("customer_code", customerCode).json("email", email)
                .with("created_at", at).body(), "application/json");
    }

    /** A Lightspeed sale payload (API 1.0) for {@link #lightspeed}: amount in minor units, tax included, as total. */
    public static WebhookExamples lightspeedSale(String saleId, String status, long amount, String currency,
                                                 String customerCode, OffsetDateTime at) {
        return WebhookExamples.lightspeedSale().with("sale_id", saleId).with("status", status)
                .with("total_price", decimal(amount, currency)).with("total_tax", 0)
                .json("customer_code", customerCode).with("sale_date", at.withOffsetSameInstant(java.time.ZoneOffset.UTC)
                        .toLocalDateTime().withNano(0).toString().replace('T', ' '));
    }

    /** Lightspeed X-Series: the payload form-encoded with its type and this till's account as domain_prefix, signed. */
    public Delivery lightspeed(String type, WebhookExamples payload) {
        return sendSigned(WebhookExamples.lightspeedForm(type, accountOr("simulator"), payload.body()),
                "application/x-www-form-urlencoded");
    }

    /** A body signed as this till's provider signs it. */
    public Delivery sendSigned(byte[] body, String contentType) {
        return post(body, headersFor(body), contentType);
    }

    private String accountOr(String fallback) {
        return account == null ? fallback : account;
    }

    /** One example body, signed as the provider signs it. */
    public Delivery send(WebhookExamples example, String shopifyTopic, String shopifyWebhookId) {
        byte[] body = example.body();
        Map<String, String> headers = new LinkedHashMap<>(headersFor(body));
        if (shopifyTopic != null) {
            headers.put("X-Shopify-Topic", shopifyTopic);
            if (shopifyWebhookId != null) {
                headers.put("X-Shopify-Webhook-Id", shopifyWebhookId);
                headers.put("X-Shopify-Event-Id", shopifyWebhookId);
            }
            headers.put("X-Shopify-Triggered-At", OffsetDateTime.now().toString());
            if (account != null) {
                headers.put("X-Shopify-Shop-Domain", account);
            }
        }
        return post(body, headers);
    }

    /** The provider's signature header for this body. */
    public Map<String, String> headersFor(byte[] body) {
        WebhookProvider known = WebhookProvider.byCode(provider)
                .orElseThrow(() -> new IllegalArgumentException("no provider " + provider));
        return Map.of(known.scheme().signatureHeader(), known.scheme().sign(secret, signedUrl, body));
    }

    /** A body with exactly these headers (for trying what the hub refuses). */
    public Delivery post(byte[] body, Map<String, String> headers) {
        return post(body, headers, "application/json");
    }

    /** A body of this content type with exactly these headers. */
    public Delivery post(byte[] body, Map<String, String> headers, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Delivery(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("could not reach " + address + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private WebhookExamples square(WebhookExamples example, String eventId, OffsetDateTime at) {
        return example.with("account", account == null ? "ML0SIMULATOR" : account).with("event_id", eventId)
                .with("created_at", at);
    }

    private static String decimal(long minorUnits, String currency) {
        return BigDecimal.valueOf(minorUnits, Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()))
                .toPlainString();
    }
}
