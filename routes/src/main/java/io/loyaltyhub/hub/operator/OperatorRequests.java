package io.loyaltyhub.hub.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.card.InvalidCardNumberException;
import io.loyaltyhub.domain.household.BlockReason;
import io.loyaltyhub.domain.household.CardLifecycle;
import io.loyaltyhub.domain.household.HouseholdView;
import io.loyaltyhub.domain.household.Households;
import io.loyaltyhub.domain.household.LeaveSplit;
import io.loyaltyhub.domain.household.MemberOperationRefused;
import io.loyaltyhub.domain.txn.PresentedCard;
import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.http.ProblemResponses;
import io.loyaltyhub.hub.http.RequestBodies;
import io.loyaltyhub.hub.http.ResponseBodies;
import java.io.IOException;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The operator API's operations on households and cards (docs/households.md, "Operator HTTP API"). The operator is
 * authenticated before the body is read; card numbers come only in bodies (never in paths, which are logged) and
 * are tokenized here. Refusals are problem+json with the operation's stable code.
 */
final class OperatorRequests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OperatorAuthenticator authenticator;
    private final RequestBodies bodies;
    private final CardReader cards;
    private final Households households;
    private final CardLifecycle lifecycle;

    OperatorRequests(OperatorAuthenticator authenticator, RequestBodies bodies, CardReader cards, Households households,
                     CardLifecycle lifecycle) {
        this.authenticator = authenticator;
        this.bodies = bodies;
        this.cards = cards;
        this.households = households;
        this.lifecycle = lifecycle;
    }

    /** What one operation does with the request, given who asks. */
    interface Operation {
        HouseholdView run(OperatorRequests api, Message in, String operator);
    }

    void answer(Exchange exchange, Operation operation) {
        Message in = exchange.getMessage();
        try {
            String operator = "http:" + authenticator.authenticate(in);
            HouseholdView view = operation.run(this, in, operator);
            in.removeHeaders("*");
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            in.setHeader(Exchange.CONTENT_TYPE, "application/json");
            in.setBody(ResponseBodies.whole(JSON.writeValueAsBytes(json(view))));
        } catch (HttpProblem p) {
            ProblemResponses.answer(exchange, p);
        } catch (MemberOperationRefused r) {
            ProblemResponses.answer(exchange, r.refusal().httpStatus(), r.refusal().code(), r.getMessage());
        } catch (IOException e) {
            ProblemResponses.answer(exchange, 500, "internal-error", "the answer could not be written");
        }
    }

    HouseholdView show(Message in, String operator) {
        return households.show(householdId(in));
    }

    HouseholdView householdOfCard(Message in, String operator) {
        return households.show(households.householdOf(card(body(in), "cardNumber")));
    }

    HouseholdView link(Message in, String operator) {
        long household = householdId(in);
        return households.link(card(body(in), "cardNumber"), household, operator);
    }

    HouseholdView merge(Message in, String operator) {
        long into = householdId(in);
        return households.merge(number(body(in), "from"), into, operator);
    }

    HouseholdView leave(Message in, String operator) {
        JsonNode body = body(in);
        LeaveSplit split = body.hasNonNull("take") ? LeaveSplit.points(number(body, "take"))
                : body.path("evenShare").asBoolean(false) ? LeaveSplit.evenShare() : LeaveSplit.none();
        return households.leave(card(body, "cardNumber"), split, operator);
    }

    HouseholdView activate(Message in, String operator) {
        return lifecycle.activate(card(body(in), "cardNumber"), operator);
    }

    HouseholdView block(Message in, String operator) {
        JsonNode body = body(in);
        BlockReason reason;
        try {
            reason = BlockReason.valueOf(body.path("reason").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(422, "invalid-reason", "reason must be LOST, STOLEN, DAMAGED or OTHER");
        }
        return lifecycle.block(card(body, "cardNumber"), reason, operator);
    }

    HouseholdView unblock(Message in, String operator) {
        return lifecycle.unblock(card(body(in), "cardNumber"), operator);
    }

    HouseholdView replace(Message in, String operator) {
        JsonNode body = body(in);
        return lifecycle.replace(card(body, "cardNumber"), card(body, "newCardNumber"), operator);
    }

    /** The request's JSON object (bounded); shared with the operator's reward requests. */
    JsonNode body(Message in) {
        byte[] bytes = bodies.read(in);
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new HttpProblem(400, "malformed-json", "the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new HttpProblem(400, "malformed-json", "the body is not JSON");
        }
    }

    PresentedCard card(JsonNode body, String field) {
        JsonNode number = body.get(field);
        if (number == null || !number.isTextual()) {
            throw new HttpProblem(422, "missing-field", field + " is required (a card number, as a string)");
        }
        try {
            return cards.read(number.asText());
        } catch (InvalidCardNumberException e) {
            throw new HttpProblem(422, "invalid-card-number", field + ": " + e.getMessage());
        }
    }

    static long number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new HttpProblem(422, "missing-field", field + " is required (an integer)");
        }
        return value.asLong();
    }

    private static long householdId(Message in) {
        String id = in.getHeader("id", String.class);
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new HttpProblem(404, "unknown-household", "no household " + id);
        }
    }

    private static ObjectNode json(HouseholdView view) {
        ObjectNode node = JSON.createObjectNode();
        node.put("household", view.accountId());
        node.put("balance", view.balance());
        node.put("pointsMoved", view.pointsMoved());
        ArrayNode list = node.putArray("cards");
        for (HouseholdView.CardView k : view.cards()) {
            ObjectNode card = list.addObject();
            card.put("card", "****" + k.last4());
            card.put("status", k.status().toLowerCase(Locale.ROOT));
            if (k.reason() != null) {
                card.put("reason", k.reason().toLowerCase(Locale.ROOT));
            }
        }
        return node;
    }
}
