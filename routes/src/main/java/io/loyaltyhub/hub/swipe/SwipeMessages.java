package io.loyaltyhub.hub.swipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("tx");
        for (Addressed a : chunk) {
            write(list.addObject().put("c", a.correlationId()), a.transaction());
        }
        return root.toString();
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

    /** One transaction on its own (as dead letters and older hubs carry it). */
    public String encode(PosTransaction t) {
        ObjectNode n = mapper.createObjectNode();
        write(n, t);
        return n.toString();
    }

    /** @throws IllegalArgumentException when the text is not a valid hub transaction */
    public PosTransaction decode(String text) {
        try {
            return read(mapper.readTree(text));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a hub transaction message: " + e.getClass().getSimpleName(), e);
        }
    }

    private static void write(ObjectNode n, PosTransaction t) {
        n.put("m", t.merchantId().value());
        n.put("s", t.storeId().value());
        n.put("t", t.terminalId().value());
        n.put("ref", t.txnRef().value());
        n.put("type", t.type().name());
        n.put("tok", t.card().token().hash());
        n.put("kv", t.card().token().keyVersion());
        n.put("l4", t.card().token().last4());
        if (t.card().issuedRangeId() != null) {
            n.put("rng", t.card().issuedRangeId());
        }
        if (!t.card().earlierTokens().isEmpty()) {
            ArrayNode earlier = n.putArray("old");
            t.card().earlierTokens().forEach(e -> earlier.addObject().put("tok", e.hash()).put("kv", e.keyVersion()));
        }
        n.put("amt", t.amount().minorUnits());
        n.put("cur", t.amount().currency().getCurrencyCode());
        n.put("at", t.occurredAt().toString());
        if (t.originalTxnRef() != null) {
            n.put("orig", t.originalTxnRef().value());
        }
        if (t.redeemPoints() != 0) {
            n.put("rp", t.redeemPoints());
        }
        n.put("ch", t.channel().name());
        if (!t.lineItems().isEmpty()) {
            ArrayNode lines = n.putArray("lines");
            for (LineItem l : t.lineItems()) {
                lines.addObject().put("sku", l.sku()).put("cat", l.category()).put("qty", l.quantity())
                        .put("amt", l.amountMinorUnits());
            }
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
                Channel.valueOf(n.get("ch").asText()));
    }

    /** The engine's answer to one request, addressed by the request's correlation id. */
    public record Answer(String correlationId, TransactionOutcome outcome) {
    }

    /** All answers of one engine batch that go to the same reply queue, as one message. */
    public String encodeAnswers(List<Answer> answers) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("a");
        for (Answer a : answers) {
            TransactionOutcome o = a.outcome();
            list.addObject().put("c", a.correlationId()).put("r", o.result().name()).put("p", o.points()).put("b", o.balance())
                    .put("l4", o.last4()).put("d", o.duplicate());
        }
        return root.toString();
    }

    public List<Answer> decodeAnswers(String text) {
        try {
            JsonNode list = mapper.readTree(text).get("a");
            List<Answer> answers = new ArrayList<>(list.size());
            for (JsonNode n : list) {
                answers.add(new Answer(n.get("c").asText(), new TransactionOutcome(ResultCode.valueOf(n.get("r").asText()),
                        n.get("p").asLong(), n.get("b").asLong(), n.get("l4").asText(), n.get("d").asBoolean())));
            }
            return answers;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a hub answers message", e);
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
