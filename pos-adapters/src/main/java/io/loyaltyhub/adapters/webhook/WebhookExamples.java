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
