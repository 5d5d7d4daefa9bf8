package io.loyaltyhub.adapters.webhook;

import static io.loyaltyhub.adapters.webhook.WebhookJson.optionalText;
import static io.loyaltyhub.adapters.webhook.WebhookJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.domain.model.Money;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Lightspeed Retail X-Series, formerly Vend (x-series-api.lightspeedhq.com/docs/webhooks): the body is
 * {@code application/x-www-form-urlencoded} (UTF-8) with a field {@code payload} holding the API 1.0 object as JSON,
 * beside {@code type}, {@code domain_prefix} (the retailer's account) and {@code environment}.
 *
 * <p>Signature: {@code X-Signature: signature=<sig>,algorithm=HMAC-SHA256}, an HMAC of the raw request body keyed
 * with the app's client secret, using the named algorithm. The hub takes HMAC-SHA256 only (the one the documentation
 * names) and accepts the signature written in hex or in base64: the documentation's example value is neither a
 * 64-character hex nor a 44-character base64 SHA-256, so it does not settle the encoding. Compared in constant time.
 *
 * <p>Read for points ({@code sale.update} only; every other type ignored): a sale with status {@code CLOSED} and a
 * total ({@code total_price} + {@code total_tax}) of zero or more is a paid sale; a {@code CLOSED} sale with a negative
 * total is a return, a refund on the sale {@code return_for} names (ignored when it names none: the hub cannot link
 * it); {@code VOIDED} cancels the sale; any other status ({@code ONACCOUNT}, {@code LAYBY}, {@code SAVED},
 * {@code OPEN}, …) is ignored. The event's key is the sale id and its status: a sale is credited once per status
 * whatever Lightspeed resends. The card: a card number in the sale's customer's {@code customer_code}, then its
 * {@code custom_field_1} … {@code custom_field_4}, then (with consent) its email or phone. Lightspeed's amounts
 * name no currency: the connection's is used.
 */
final class LightspeedScheme implements ProviderScheme {
    static final String HEADER = "X-Signature";
    static final String ALGORITHM = "HMAC-SHA256";
    static final String SALE_PREFIX = "ls-";
    static final String CANCEL_PREFIX = "lsc-";

    @Override
    public String signatureHeader() {
        return HEADER;
    }

    @Override
    public boolean verify(byte[] secret, String notificationUrl, byte[] rawBody, String headerValue) {
        Map<String, String> parts = new HashMap<>();
        for (String part : headerValue == null ? new String[0] : headerValue.split(",")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(part.substring(0, equals).trim().toLowerCase(Locale.ROOT), part.substring(equals + 1).trim());
            }
        }
        return ALGORITHM.equalsIgnoreCase(parts.get("algorithm"))
                && WebhookSignatures.matchesHexOrBase64(WebhookSignatures.hmac("HmacSHA256", secret, rawBody),
                        parts.get("signature"));
    }

    @Override
    public String sign(byte[] secret, String notificationUrl, byte[] rawBody) {
        return "signature=" + HexFormat.of().formatHex(WebhookSignatures.hmac("HmacSHA256", secret, rawBody))
                + ",algorithm=" + ALGORITHM;
    }

    @Override
    public List<ProviderEvent> read(byte[] rawBody, UnaryOperator<String> header, String currency) {
        Map<String, String> form = form(rawBody);
        String payload = form.get("payload");
        if (payload == null) {
            throw new InputRejected("malformed-body", "the form has no 'payload' field");
        }
        JsonNode object = WebhookJson.parse(payload.getBytes(StandardCharsets.UTF_8));
        String type = form.get("type");
        if (type == null || !type.matches("[a-z_]{1,30}\\.[a-z_]{1,30}")) {
            throw new InputRejected("missing-event-type", "the form has no webhook 'type'");
        }
        String account = form.get("domain_prefix");
        if (!type.equals("sale.update")) {
            return List.of(ProviderEvent.ignored(References.ofBody(type, rawBody), type, account, null,
                    "webhook type not used for points"));
        }
        return List.of(sale(object, type, account, currency));
    }

    private static ProviderEvent sale(JsonNode sale, String type, String account, String currency) {
        String id = References.id(text(sale, "id"));
        String status = SquareEvents.shown(text(sale, "status"));
        String eventId = "sale:" + id + ":" + status;
        BigDecimal total = WebhookJson.majorUnits(sale, "total_price").add(WebhookJson.majorUnits(sale, "total_tax"));
        OffsetDateTime at = WebhookJson.timeOrUtc(sale, sale.hasNonNull("sale_date") ? "sale_date" : "created_at");
        boolean isReturn = total.signum() < 0;
        if (status.equals("CLOSED") && !isReturn) {
            return new ProviderEvent(eventId, type, account, null, ProviderEvent.Kind.SALE, References.of(SALE_PREFIX, id),
                    null, WebhookJson.rounded(total, currency), at, clues(sale.get("customer")), null);
        }
        if (status.equals("CLOSED")) {
            String returnFor = optionalText(sale, "return_for");
            if (returnFor == null) {
                return ProviderEvent.ignored(eventId, type, account, null, "return names no sale (return_for)");
            }
            return new ProviderEvent(eventId, type, account, null, ProviderEvent.Kind.REFUND, References.of(SALE_PREFIX, id),
                    References.of(SALE_PREFIX, References.id(returnFor)), WebhookJson.rounded(total.abs(), currency), at,
                    CardClues.NONE, null);
        }
        if (status.equals("VOIDED") && !isReturn) {
            return new ProviderEvent(eventId, type, account, null, ProviderEvent.Kind.CANCELLATION,
                    References.of(CANCEL_PREFIX, id), References.of(SALE_PREFIX, id), Money.zero(WebhookJson.currency(currency)),
                    at, CardClues.NONE, null);
        }
        return ProviderEvent.ignored(eventId, type, account, null, (isReturn ? "return" : "sale") + " status " + status
                + " is not a completed sale");
    }

    private static CardClues clues(JsonNode customer) {
        if (customer == null || !customer.isObject()) {
            return CardClues.NONE;
        }
        List<String> texts = new ArrayList<>();
        for (String field : List.of("customer_code", "custom_field_1", "custom_field_2", "custom_field_3", "custom_field_4")) {
            String text = optionalText(customer, field);
            if (text != null) {
                texts.add(text);
            }
        }
        String phone = optionalText(customer, "mobile");
        return new CardClues(texts, optionalText(customer, "email"),
                phone != null && !phone.isBlank() ? phone : optionalText(customer, "phone"));
    }

    /** The form's fields, UTF-8 percent-decoded; a field given twice is refused (which of the two would count?). */
    private static Map<String, String> form(byte[] rawBody) {
        Map<String, String> fields = new HashMap<>();
        String body = new String(rawBody, StandardCharsets.UTF_8);
        for (String pair : body.isEmpty() ? new String[0] : body.split("&")) {
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (fields.put(name, value) != null) {
                    throw new InputRejected("malformed-body", "the form gives '" + shownName(name) + "' twice");
                }
            } catch (IllegalArgumentException badEscape) {
                throw new InputRejected("malformed-body", "the body is not a URL-encoded form");
            }
        }
        return fields;
    }

    private static String shownName(String name) {
        return name.matches("[a-z_]{1,30}") ? name : "a field";
    }
}
