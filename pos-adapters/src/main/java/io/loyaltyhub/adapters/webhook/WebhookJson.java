package io.loyaltyhub.adapters.webhook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.domain.model.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Currency;

/** Reading the providers' JSON strictly: a body that is not what the provider documents is refused with a code. */
final class WebhookJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

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

    /** An array field, present and not empty (a Loyverse delivery's receipts or customers). */
    static JsonNode nonEmptyArray(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw new InputRejected("malformed-body", "'" + field + "' must be a non-empty array");
        }
        return value;
    }

    /**
     * A time with an offset (RFC 3339), or without one ("2013-08-01 02:16:58", as Lightspeed's API 1.0 writes them,
     * in UTC).
     */
    static OffsetDateTime timeOrUtc(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value.replace(' ', 'T')).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new InputRejected("malformed-body", "'" + field + "' is not a time");
            }
        }
    }

    /** A JSON number (or a numeric string) in major units, read exactly (never through a double). */
    static BigDecimal majorUnits(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value != null && value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(text(node, field));
        } catch (NumberFormatException e) {
            throw new InputRejected("malformed-body", "'" + field + "' is not an amount");
        }
    }

    /**
     * An amount in major units as integer minor units of the currency, rounded half up where the provider sends more
     * decimals than the currency has (Lightspeed's tax-exclusive totals carry five).
     */
    static Money rounded(BigDecimal major, String currency) {
        Currency unit = currency(currency);
        try {
            return money(major.setScale(Math.max(0, unit.getDefaultFractionDigits()), RoundingMode.HALF_UP)
                    .movePointRight(Math.max(0, unit.getDefaultFractionDigits())).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new InputRejected("invalid-amount", "the amount is larger than the hub accepts");
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

    static Currency currency(String code) {
        if (code == null) {
            throw new InputRejected("unknown-currency", "the connection names no currency (webhook-connect --currency)");
        }
        try {
            return Money.currencyOf(code);
        } catch (IllegalArgumentException e) {
            throw new InputRejected("unknown-currency", "unknown currency");
        }
    }
}
