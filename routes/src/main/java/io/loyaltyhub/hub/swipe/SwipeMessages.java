package io.loyaltyhub.hub.swipe;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.loyaltyhub.domain.model.CardToken;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.LineItem;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.PresentedCard;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import io.loyaltyhub.domain.txn.TransactionType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub's own message format on the broker: a canonical transaction (already tokenized: token and last 4,
 * never a card number) and an engine answer, as compact JSON text so a dead letter can be read by a person.
 */
public final class SwipeMessages {
    private final ObjectMapper mapper = new ObjectMapper();

    /** A transaction with the correlation id its answer will carry back. */
    public record Addressed(String correlationId, PosTransaction transaction) {
    }

    /** Several transactions as one broker message: {@code {"tx":[{"c":id, ...transaction}, ...]}}. */
    public String encodeChunk(List<Addressed> chunk) {
        return json(256 * chunk.size(), g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("tx");
            for (Addressed a : chunk) {
                g.writeStartObject();
                g.writeStringField("c", a.correlationId());
                write(g, a.transaction());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * The transactions of one broker message: a chunk, or a single transaction as hubs before chunks sent it, whose
     * correlation id is the message's own ({@code messageCorrelationId}).
     *
     * @throws IllegalArgumentException when the text is not a valid hub message
     */
    public List<Addressed> decodeChunk(String text, String messageCorrelationId) {
        try {
            JsonNode root = mapper.readTree(text);
            JsonNode list = root.get("tx");
            if (list == null) {
                return List.of(new Addressed(messageCorrelationId, read(root)));
            }
            List<Addressed> chunk = new ArrayList<>(list.size());
            for (JsonNode n : list) {
                chunk.add(new Addressed(n.get("c").asText(), read(n)));
            }
            return chunk;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a hub transaction message: " + e.getClass().getSimpleName(), e);
        }
    }

    @FunctionalInterface
    private interface Writing {
        void to(JsonGenerator g) throws IOException;
    }

    /** JSON text written by {@code writing} through Jackson's streaming generator (no tree per message). */
    private String json(int sizeHint, Writing writing) {
        StringWriter out = new StringWriter(sizeHint);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            writing.to(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The transaction's fields, written into the object the generator is in (streaming: no tree per message). */
    private static void write(JsonGenerator g, PosTransaction t) throws IOException {
        g.writeNumberField("m", t.merchantId().value());
        g.writeNumberField("s", t.storeId().value());
        g.writeNumberField("t", t.terminalId().value());
        g.writeStringField("ref", t.txnRef().value());
        g.writeStringField("type", t.type().name());
        g.writeStringField("tok", t.card().token().hash());
        g.writeNumberField("kv", t.card().token().keyVersion());
        g.writeStringField("l4", t.card().token().last4());
        if (t.card().issuedRangeId() != null) {
            g.writeNumberField("rng", t.card().issuedRangeId());
        }
        if (!t.card().earlierTokens().isEmpty()) {
            g.writeArrayFieldStart("old");
            for (CardToken e : t.card().earlierTokens()) {
                g.writeStartObject();
                g.writeStringField("tok", e.hash());
                g.writeNumberField("kv", e.keyVersion());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeNumberField("amt", t.amount().minorUnits());
        g.writeStringField("cur", t.amount().currency().getCurrencyCode());
        g.writeStringField("at", t.occurredAt().toString());
        if (t.originalTxnRef() != null) {
            g.writeStringField("orig", t.originalTxnRef().value());
        }
        if (t.redeemPoints() != 0) {
            g.writeNumberField("rp", t.redeemPoints());
        }
        if (t.rewardCode() != null) {
            g.writeStringField("rw", t.rewardCode());
        }
        if (t.paysSale()) {
            g.writeBooleanField("ps", true);
        }
        g.writeStringField("ch", t.channel().name());
        if (!t.lineItems().isEmpty()) {
            g.writeArrayFieldStart("lines");
            for (LineItem l : t.lineItems()) {
                g.writeStartObject();
                g.writeStringField("sku", l.sku());
                g.writeStringField("cat", l.category());
                g.writeNumberField("qty", l.quantity());
                g.writeNumberField("amt", l.amountMinorUnits());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private static PosTransaction read(JsonNode n) {
        List<LineItem> lines = new ArrayList<>();
        List<CardToken> earlier = new ArrayList<>();
        for (JsonNode e : n.path("old")) {
            earlier.add(new CardToken(e.get("tok").asText(), e.get("kv").asInt(), n.get("l4").asText()));
        }
        for (JsonNode l : n.path("lines")) {
            lines.add(new LineItem(l.get("sku").asText(), l.hasNonNull("cat") ? l.get("cat").asText() : null,
                    l.get("qty").asInt(), l.get("amt").asLong()));
        }
        return new PosTransaction(new MerchantId(n.get("m").asLong()), new StoreId(n.get("s").asLong()),
                new TerminalId(n.get("t").asLong()), new TxnRef(n.get("ref").asText()),
                TransactionType.valueOf(n.get("type").asText()),
                new PresentedCard(new CardToken(n.get("tok").asText(), n.get("kv").asInt(), n.get("l4").asText()),
                        n.hasNonNull("rng") ? n.get("rng").asLong() : null, earlier),
                Money.of(n.get("amt").asLong(), n.get("cur").asText()), OffsetDateTime.parse(n.get("at").asText()),
                lines, n.hasNonNull("orig") ? new TxnRef(n.get("orig").asText()) : null, n.path("rp").asLong(0),
                Channel.valueOf(n.get("ch").asText()), n.hasNonNull("rw") ? n.get("rw").asText() : null,
                n.path("ps").asBoolean(false));
    }

    /** The engine's answer to one request, addressed by the request's correlation id. */
    public record Answer(String correlationId, TransactionOutcome outcome) {
    }

    /** All answers of one engine batch that go to the same reply queue, as one message. */
    public String encodeAnswers(List<Answer> answers) {
        return json(96 * answers.size(), g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("a");
            for (Answer a : answers) {
                TransactionOutcome o = a.outcome();
                g.writeStartObject();
                g.writeStringField("c", a.correlationId());
                g.writeStringField("r", o.result().name());
                g.writeNumberField("p", o.points());
                g.writeNumberField("b", o.balance());
                g.writeStringField("l4", o.last4());
                g.writeBooleanField("d", o.duplicate());
                if (o.covered() != 0) {
                    g.writeNumberField("cv", o.covered());
                }
                if (!o.rules().isEmpty()) {
                    g.writeArrayFieldStart("ru");
                    for (String rule : o.rules()) {
                        g.writeString(rule);
                    }
                    g.writeEndArray();
                }
                if (o.nextExpiry() != null) {
                    g.writeNumberField("xp", o.nextExpiry().points());
                    g.writeStringField("xd", o.nextExpiry().on().toString());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    public List<Answer> decodeAnswers(String text) {
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            List<Answer> answers = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                if (!"a".equals(p.currentName())) {
                    p.nextToken();
                    p.skipChildren();
                    continue;
                }
                expect(p.nextToken(), JsonToken.START_ARRAY);
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    answers.add(readAnswer(p));
                }
            }
            return answers;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a hub answers message", e);
        }
    }

    private static Answer readAnswer(JsonParser p) throws IOException {
        String correlationId = null;
        String result = null;
        String last4 = null;
        long points = 0;
        long balance = 0;
        boolean duplicate = false;
        long expiring = 0;
        String expiresOn = null;
        long covered = 0;
        List<String> rules = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "c" -> correlationId = p.getText();
                case "r" -> result = p.getText();
                case "p" -> points = p.getLongValue();
                case "b" -> balance = p.getLongValue();
                case "l4" -> last4 = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
                case "d" -> duplicate = p.getBooleanValue();
                case "xp" -> expiring = p.getLongValue();
                case "xd" -> expiresOn = p.getText();
                case "cv" -> covered = p.getLongValue();
                case "ru" -> {
                    while (p.nextToken() == JsonToken.VALUE_STRING) {
                        rules.add(p.getText());
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (correlationId == null || result == null) {
            throw new IllegalArgumentException("an answer without correlation id or result");
        }
        return new Answer(correlationId, new TransactionOutcome(ResultCode.valueOf(result), points, balance, last4, duplicate,
                expiresOn == null ? null : new io.loyaltyhub.domain.txn.ExpiringPoints(expiring, java.time.LocalDate.parse(expiresOn)),
                covered, rules));
    }

    private static void expect(JsonToken actual, JsonToken wanted) {
        if (actual != wanted) {
            throw new IllegalArgumentException("expected " + wanted + ", found " + actual);
        }
    }

    /**
     * The events of one engine batch for the events topic, as one message: a JSON array with one object per
     * transaction (ids and the answer, no card data beyond what the answer holds).
     */
    public String encodeEvents(List<PosTransaction> transactions, List<TransactionOutcome> outcomes) {
        ArrayNode events = mapper.createArrayNode();
        for (int i = 0; i < transactions.size(); i++) {
            PosTransaction t = transactions.get(i);
            TransactionOutcome o = outcomes.get(i);
            events.addObject().put("merchant", t.merchantId().value()).put("terminal", t.terminalId().value())
                    .put("txnRef", t.txnRef().value()).put("type", t.type().name()).put("result", o.result().code())
                    .put("points", o.points()).put("duplicate", o.duplicate());
        }
        return events.toString();
    }
}
