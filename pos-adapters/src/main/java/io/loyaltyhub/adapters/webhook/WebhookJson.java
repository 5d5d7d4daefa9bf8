package io.loyaltyhub.adapters.webhook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.domain.model.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;

/** Reading the providers' JSON strictly: a body that is not what the provider documents is refused with a code. */
final class WebhookJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32)
                .maxStringLength(65_536).maxNumberLength(30).build());
    }

    private WebhookJson() {
    }

    static JsonNode parse(byte[] body) {
        try {
            JsonNode root = body == null || body.length == 0 ? null : MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw new InputRejected("malformed-body", "the body must be a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new InputRejected("malformed-body", "the body is not valid JSON");
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            throw new InputRejected("malformed-body", "'" + field + "' is missing");
        }
        if (!value.isValueNode()) {
            throw new InputRejected("malformed-body", "'" + field + "' must be a string or number");
        }
        return value.asText();
    }

    static String optionalText(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    static JsonNode object(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isObject()) {
            throw new InputRejected("malformed-body", "'" + field + "' must be an object");
        }
        return value;
    }

    static OffsetDateTime time(JsonNode node, String field) {
        try {
            return OffsetDateTime.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw new InputRejected("malformed-body", "'" + field + "' is not an RFC 3339 time");
        }
    }

    /** Integer minor units, as Square sends them. */
    static Money minorUnits(JsonNode money) {
        JsonNode amount = money.get("amount");
        if (amount == null || !amount.isIntegralNumber() || !amount.canConvertToLong()) {
            throw new InputRejected("malformed-body", "'amount' must be an integer number of minor units");
        }
        return money(amount.longValue(), text(money, "currency"));
    }

    /** A decimal string in major units ("199.00"), as Shopify sends prices: exact, never through a double. */
    static Money decimal(String value, String currency) {
        Currency unit = currency(currency);
        try {
            BigDecimal minor = new BigDecimal(value).movePointRight(Math.max(0, unit.getDefaultFractionDigits()));
            return money(minor.longValueExact(), currency);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InputRejected("malformed-body", "'" + value + "' is not an amount in " + currency);
        }
    }

    private static Money money(long minorUnits, String currency) {
        if (minorUnits < 0 || minorUnits > Money.MAX_MINOR_UNITS) {
            throw new InputRejected("invalid-amount", "the amount is negative or larger than the hub accepts");
        }
        return new Money(minorUnits, currency(currency));
    }

    private static Currency currency(String code) {
        try {
            return Money.currencyOf(code);
        } catch (IllegalArgumentException e) {
            throw new InputRejected("unknown-currency", "unknown currency");
        }
    }
}
