package io.loyaltyhub.hub.broker.terminals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.hub.logging.CardNumberMasking;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What of a rejected message may be kept: the body with the card number reduced to its last four digits.
 * A JSON body loses its {@code cardNumber}; then anything left that is shaped like a card number (in any field,
 * or anywhere in a body that is not JSON at all) is masked as in the logs. Long bodies are cut.
 */
final class RedactedCopy {
    static final int MAX_CHARS = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RedactedCopy() {
    }

    static String of(byte[] body) {
        if (body == null) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Optional<ObjectNode> json = parse(body);
        if (json.isPresent()) {
            ObjectNode copy = json.get();
            JsonNode card = copy.get("cardNumber");
            if (card != null && !card.isNull()) {
                String digits = card.asText().replaceAll("[^0-9]", "");
                copy.put("cardNumber", digits.length() >= 4 ? "****" + digits.substring(digits.length() - 4) : "****");
            }
            text = copy.toString();
        }
        String masked = CardNumberMasking.mask(text);
        return masked.length() > MAX_CHARS ? masked.substring(0, MAX_CHARS) + "…(cut)" : masked;
    }

    /** The transaction reference of a body, when it has a valid one, so that a rejection can name it. */
    static Optional<String> txnRef(byte[] body) {
        return parse(body).map(n -> n.get("txnRef")).filter(JsonNode::isTextual).map(JsonNode::textValue)
                .filter(RedactedCopy::isTxnRef).map(CardNumberMasking::mask);
    }

    private static boolean isTxnRef(String value) {
        try {
            new TxnRef(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<ObjectNode> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
