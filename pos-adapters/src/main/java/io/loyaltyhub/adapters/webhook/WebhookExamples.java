package io.loyaltyhub.adapters.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The providers' example bodies (resources {@code examples/}, each provider's source named in their README), with the
 * values of one event filled in: what the POS simulator sends and what the tests read. A value is put in as JSON where
 * the template has it bare ({@code "note": ${note}}), as text where it is quoted.
 */
public final class WebhookExamples {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

    private final String template;
    private final Map<String, String> values = new LinkedHashMap<>();

    private WebhookExamples(String file) {
        try (InputStream in = WebhookExamples.class.getResourceAsStream("examples/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + file);
            }
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Square {@code payment.updated} (or, with {@code type}, {@code payment.created}). */
    public static WebhookExamples squarePayment() {
        return new WebhookExamples("square-payment.updated.json").with("type", "payment.updated").with("status", "COMPLETED")
                .json("note", null).json("email", null);
    }

    public static WebhookExamples squareRefund() {
        return new WebhookExamples("square-refund.updated.json").with("status", "COMPLETED");
    }

    public static WebhookExamples shopifyOrderPaid() {
        return new WebhookExamples("shopify-orders-paid.json").json("note", null).with("attribute_name", "gift_wrap")
                .json("attribute_value", "no").json("email", null).json("phone", null);
    }

    public static WebhookExamples shopifyRefund() {
        return new WebhookExamples("shopify-refunds-create.json").with("status", "success");
    }

    public static WebhookExamples shopifyOrderCancelled() {
        return new WebhookExamples("shopify-orders-cancelled.json").with("refunds", "[]");
    }

    /** One Loyverse receipt (a SALE, not cancelled, of no customer), to put in {@link #loyverseReceipts}. */
    public static WebhookExamples loyverseReceipt() {
        return new WebhookExamples("loyverse-receipt.json").with("receipt_type", "SALE").json("refund_for", null)
                .json("cancelled_at", null).json("customer_id", null);
    }

    /** Loyverse {@code receipts.update} carrying these receipts. */
    public static WebhookExamples loyverseReceipts(WebhookExamples... receipts) {
        StringBuilder joined = new StringBuilder();
        for (WebhookExamples receipt : receipts) {
            joined.append(joined.length() == 0 ? "" : ",").append(new String(receipt.body(), StandardCharsets.UTF_8));
        }
        return new WebhookExamples("loyverse-receipts.update.json").with("receipts", joined);
    }

    /** Loyverse {@code customers.update} with one customer (no code, email or phone unless given). */
    public static WebhookExamples loyverseCustomer() {
        return new WebhookExamples("loyverse-customers.update.json").json("customer_code", null).json("email", null)
                .json("phone", null);
    }

    /** Lightspeed X-Series {@code sale.update}'s payload: a sale of one item, no customer code, email or phone. */
    public static WebhookExamples lightspeedSale() {
        return new WebhookExamples("lightspeed-sale.update.json").with("status", "CLOSED").json("customer_code", null)
                .json("email", null).json("phone", null).json("return_for", null).with("quantity", 1)
                .with("invoice_number", "1001");
    }

    /**
     * A Lightspeed delivery's body: the payload JSON in the form field {@code payload} beside {@code type},
     * {@code domain_prefix} and {@code environment}, URL-encoded in UTF-8 as Lightspeed posts it.
     */
    public static byte[] lightspeedForm(String type, String domainPrefix, byte[] payload) {
        String form = "type=" + encoded(type) + "&domain_prefix=" + encoded(domainPrefix) + "&environment=production"
                + "&payload=" + encoded(new String(payload, StandardCharsets.UTF_8));
        return form.getBytes(StandardCharsets.UTF_8);
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** A value as the template's text has it (inside quotes, or a bare number). */
    public WebhookExamples with(String name, Object value) {
        values.put(name, String.valueOf(value));
        return this;
    }

    /** A value written as a JSON string (or {@code null}) where the template has it bare. */
    public WebhookExamples json(String name, String value) {
        try {
            values.put(name, JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** The body, every placeholder filled in. */
    public byte[] body() {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for ${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
