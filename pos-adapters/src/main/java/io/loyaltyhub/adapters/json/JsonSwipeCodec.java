package io.loyaltyhub.adapters.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.card.InvalidCardNumberException;
import io.loyaltyhub.domain.card.TrackData;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.LineItem;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.PresentedCard;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The HTTP JSON dialect (documented in docs/http-json.md): a request body becomes a canonical
 * {@link PosTransaction} for the authenticated terminal, and an outcome becomes a reply body.
 * The card number is read (checked and tokenized) here and goes no further.
 */
public final class JsonSwipeCodec {
    private static final Set<String> FIELDS = Set.of("txnRef", "type", "cardNumber", "track1", "track2", "amount", "currency",
            "occurredAt", "originalTxnRef", "redeemPoints", "rewardCode", "payWithPoints", "lineItems");
    private static final int MAX_LINE_ITEMS = 500;
    private static final int MAX_NESTING_DEPTH = 8;
    private static final int MAX_STRING_LENGTH = 4096;
    private static final int MAX_NUMBER_LENGTH = 20;
    /** Searched, not matched with ".*": a dot does not cross a line break, so a name with one used to be shown whole. */
    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");

    private final ObjectMapper mapper;
    private final CardReader cards;
    private final Clock clock;

    public JsonSwipeCodec(CardReader cards, Clock clock) {
        this.cards = cards;
        this.clock = clock;
        this.mapper = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).maxStringLength(MAX_STRING_LENGTH).maxNumberLength(MAX_NUMBER_LENGTH).build());
    }

    public PosTransaction decode(byte[] body, TerminalIdentity terminal) {
        JsonNode root = parse(body);
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new InputRejected("unknown-field", "field '" + shown(name) + "' is not part of a transaction");
            }
        });
        TransactionType type = type(root);
        PresentedCard card = card(root);
        long amount = amount(root, type);
        boolean paysSale = paysSale(root, type);
        if (paysSale && amount == 0) {
            throw new InputRejected("missing-field", "amount (the sale's, integer minor units) is required to pay with points");
        }
        // ISO 4217 "XXX" (no currency) for transactions that move no money, so a balance inquiry needs no currency.
        Money money = money(amount, type.carriesAmount() || paysSale || root.hasNonNull("currency")
                ? text(root, "currency", true) : "XXX");
        OffsetDateTime occurredAt = occurredAt(root);
        TxnRef original = root.hasNonNull("originalTxnRef") ? txnRef(text(root, "originalTxnRef", true), "originalTxnRef") : null;
        String rewardCode = rewardCode(root, type);
        long redeemPoints = rewardCode == null ? redeemPoints(root, type) : 0;
        if (rewardCode != null && root.hasNonNull("redeemPoints")) {
            throw new InputRejected("invalid-transaction", "a REDEEM of a reward carries no redeemPoints: the reward has its price");
        }
        try {
            return new PosTransaction(terminal.merchantId(), terminal.storeId(), terminal.terminalId(),
                    txnRef(text(root, "txnRef", true), "txnRef"), type, card, money, occurredAt, lineItems(root),
                    original, redeemPoints, Channel.HTTP_JSON, rewardCode, paysSale);
        } catch (IllegalArgumentException e) {
            throw new InputRejected("invalid-transaction", e.getMessage());
        }
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InputRejected("malformed-json", "the request body is empty; send a JSON transaction");
        }
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || !root.isObject()) {
                throw new InputRejected("malformed-json", "the request body must be a JSON object");
            }
            return root;
        } catch (StreamConstraintsException e) {
            // Thrown before the value is read, so it carries no location.
            throw new InputRejected("malformed-json", "the request body exceeds a JSON limit: strings of at most "
                    + MAX_STRING_LENGTH + " characters, numbers of at most " + MAX_NUMBER_LENGTH + " digits, nesting of at most "
                    + MAX_NESTING_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            throw new InputRejected("malformed-json", "the request body is not valid JSON" + where(e.getLocation()));
        } catch (IOException e) {
            throw new InputRejected("malformed-json", "the request body could not be read");
        }
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** A field name echoed in an error, unless it could be card data (a misplaced number used as a name). */
    private static String shown(String name) {
        return name.length() <= 40 && !SIX_DIGITS.matcher(name).find() ? name : "(name not shown)";
    }

    private static TransactionType type(JsonNode root) {
        String type = root.hasNonNull("type") ? text(root, "type", true) : "SALE";
        try {
            return TransactionType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputRejected("invalid-type", "type must be one of SALE, REFUND, VOID, REVERSAL, REDEEM, BALANCE_INQUIRY");
        }
    }

    /** Exactly one of cardNumber (keyed), track2 or track1 (swiped); a track is reduced to its card number at once. */
    private PresentedCard card(JsonNode root) {
        List<String> given = new ArrayList<>();
        for (String field : List.of("cardNumber", "track2", "track1")) {
            if (root.hasNonNull(field)) {
                given.add(field);
            }
        }
        if (given.isEmpty()) {
            throw new InputRejected("missing-field", "cardNumber (or track2, or track1) is required");
        }
        if (given.size() > 1) {
            throw new InputRejected("invalid-field", "send only one of cardNumber, track2 and track1");
        }
        String field = given.get(0);
        JsonNode node = root.get(field);
        if (!node.isTextual()) {
            throw new InputRejected(field.equals("cardNumber") ? "invalid-card-number" : "track-data-format",
                    field + " must be a string");
        }
        try {
            return switch (field) {
                case "track2" -> cards.read(TrackData.panOfTrack2(node.textValue()));
                case "track1" -> cards.read(TrackData.panOfTrack1(node.textValue()));
                default -> cards.read(node.textValue().replace(" ", ""));
            };
        } catch (InvalidCardNumberException e) {
            throw new InputRejected(e.reason().code(), e.getMessage());
        }
    }

    private static long amount(JsonNode root, TransactionType type) {
        JsonNode node = root.get("amount");
        if (node == null || node.isNull()) {
            if (type.carriesAmount()) {
                throw new InputRejected("missing-field", "amount is required (integer minor units, e.g. 1250 for 12.50)");
            }
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InputRejected("invalid-amount", "amount must be an integer number of minor units (no decimals)");
        }
        long amount = node.longValue();
        if (amount < 0 || (amount == 0 && type.carriesAmount())) {
            throw new InputRejected("invalid-amount", "amount must be greater than zero");
        }
        if (amount > Money.MAX_MINOR_UNITS) {
            throw new InputRejected("invalid-amount", "amount exceeds the maximum of " + Money.MAX_MINOR_UNITS + " minor units");
        }
        return amount;
    }

    private static Money money(long amount, String currency) {
        try {
            return new Money(amount, Money.currencyOf(currency));
        } catch (IllegalArgumentException e) {
            throw new InputRejected("unknown-currency", e.getMessage());
        }
    }

    private OffsetDateTime occurredAt(JsonNode root) {
        if (!root.hasNonNull("occurredAt")) {
            return OffsetDateTime.now(clock);
        }
        try {
            return OffsetDateTime.parse(text(root, "occurredAt", true));
        } catch (DateTimeParseException e) {
            throw new InputRejected("invalid-time", "occurredAt must be an ISO-8601 date-time with offset, e.g. 2026-11-23T10:15:30+01:00");
        }
    }

    /** {@code "payWithPoints": true}: the REDEEM pays part of a sale of {@code amount} (docs/rewards.md). */
    private static boolean paysSale(JsonNode root, TransactionType type) {
        JsonNode node = root.get("payWithPoints");
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new InputRejected("invalid-field", "payWithPoints must be true or false");
        }
        if (node.booleanValue() && (type != TransactionType.REDEEM || root.hasNonNull("rewardCode"))) {
            throw new InputRejected("invalid-transaction", "payWithPoints belongs only to a REDEEM of redeemPoints");
        }
        return node.booleanValue();
    }

    /** A catalogue reward's code (docs/rewards.md), only on a REDEEM; null when absent. */
    private static String rewardCode(JsonNode root, TransactionType type) {
        JsonNode node = root.get("rewardCode");
        if (node == null || node.isNull()) {
            return null;
        }
        if (type != TransactionType.REDEEM) {
            throw new InputRejected("invalid-transaction", "rewardCode belongs only to REDEEM transactions");
        }
        if (!node.isTextual() || !PosTransaction.REWARD_CODE.matcher(node.asText()).matches()) {
            throw new InputRejected("invalid-reward-code", "rewardCode must be 1 to 32 letters, digits, '-' or '_'");
        }
        return node.asText();
    }

    private static long redeemPoints(JsonNode root, TransactionType type) {
        JsonNode node = root.get("redeemPoints");
        if (type != TransactionType.REDEEM) {
            if (node != null && !node.isNull()) {
                throw new InputRejected("invalid-transaction", "redeemPoints belongs only to REDEEM transactions");
            }
            return 0;
        }
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() <= 0) {
            throw new InputRejected("invalid-points", "redeemPoints must be a positive integer for REDEEM");
        }
        return node.longValue();
    }

    private static List<LineItem> lineItems(JsonNode root) {
        JsonNode node = root.get("lineItems");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_LINE_ITEMS) {
            throw new InputRejected("invalid-line-items", "lineItems must be an array of at most " + MAX_LINE_ITEMS + " items");
        }
        List<LineItem> items = new ArrayList<>();
        for (JsonNode item : node) {
            try {
                items.add(new LineItem(text(item, "sku", true), item.hasNonNull("category") ? text(item, "category", true) : null,
                        item.path("quantity").asInt(1), item.path("amount").asLong(0)));
            } catch (IllegalArgumentException e) {
                throw new InputRejected("invalid-line-items", e.getMessage());
            }
        }
        return items;
    }

    private static TxnRef txnRef(String value, String field) {
        try {
            return new TxnRef(value);
        } catch (IllegalArgumentException e) {
            throw new InputRejected("invalid-txn-ref", field + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InputRejected("missing-field", field + " is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new InputRejected("invalid-field", field + " must be a string");
        }
        return value.textValue();
    }

    /**
     * The reply body for an answered transaction. A message the engine refused (a reference reused with other
     * content, a time outside the accepted window) is answered as {@code "status":"rejected"} with its code and
     * detail, like bad input: it shows no card, points or balance, because nothing of it was applied.
     */
    public byte[] encodeOutcome(PosTransaction txn, TransactionOutcome outcome) {
        ObjectNode reply = mapper.createObjectNode();
        if (outcome.result().isRefusal()) {
            reply.put("status", "rejected");
            reply.put("code", outcome.result().code());
            reply.put("type", "urn:loyalty-hub:problem:" + outcome.result().code());
            reply.put("txnRef", txn.txnRef().value());
            reply.put("detail", outcome.result().refusalDetail());
            return write(reply);
        }
        reply.put("status", outcome.approved() ? "approved" : "declined");
        reply.put("code", outcome.result().code());
        reply.put("txnRef", txn.txnRef().value());
        reply.put("type", txn.type().name());
        reply.put("card", "****" + outcome.last4());
        reply.put("points", outcome.points());
        if (!outcome.rules().isEmpty()) {
            outcome.rules().forEach(reply.putArray("rules")::add);
        }
        if (outcome.covered() > 0) {
            ObjectNode paid = reply.putObject("paidWithPoints");
            paid.put("points", -outcome.points());
            paid.put("amount", outcome.covered());
            paid.put("currency", txn.amount().currency().getCurrencyCode());
        }
        if (outcome.hasBalance()) {
            reply.put("balance", outcome.balance());
        }
        if (outcome.nextExpiry() != null) {
            ObjectNode next = reply.putObject("nextExpiry");
            next.put("points", outcome.nextExpiry().points());
            next.put("on", outcome.nextExpiry().on().toString());
        }
        reply.put("duplicate", outcome.duplicate());
        return write(reply);
    }

    /** The reply body when the answer did not come in time: the transaction is durable and will be credited. */
    public byte[] encodePending(PosTransaction txn) {
        ObjectNode reply = mapper.createObjectNode();
        reply.put("status", "pending");
        reply.put("code", "accepted-pending");
        reply.put("txnRef", txn.txnRef().value());
        reply.put("type", txn.type().name());
        reply.put("card", "****" + txn.card().token().last4());
        reply.put("detail", "accepted and stored; points will be credited shortly");
        return write(reply);
    }

    private byte[] write(ObjectNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not encode a reply", e);
        }
    }
}
