package io.loyaltyhub.hub.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.reward.MailedRedemptions;
import io.loyaltyhub.domain.reward.NewReward;
import io.loyaltyhub.domain.reward.PointValue;
import io.loyaltyhub.domain.reward.PointValues;
import io.loyaltyhub.domain.reward.Redemption;
import io.loyaltyhub.domain.reward.Reward;
import io.loyaltyhub.domain.reward.RewardCatalogue;
import io.loyaltyhub.domain.reward.RewardRefusal;
import io.loyaltyhub.domain.reward.RewardRefused;
import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.http.ProblemResponses;
import io.loyaltyhub.hub.http.ResponseBodies;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The operator API's rewards catalogue and mailed gifts (docs/rewards.md, "Operator HTTP API"): add and list rewards
 * (the operator's and merchants' own), reserve a gift for a member's card, then fulfil (sent) or cancel it (points and
 * stock back); set what a point is worth per currency, for paying with points. Merchants are named by their codes. Refusals are problem+json with a stable code.
 */
final class OperatorRewardRequests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OperatorAuthenticator authenticator;
    private final OperatorRequests requests;
    private final CoalitionAdmin merchants;
    private final RewardCatalogue catalogue;
    private final MailedRedemptions mailed;
    private final PointValues pointValues;

    OperatorRewardRequests(OperatorAuthenticator authenticator, OperatorRequests requests, CoalitionAdmin merchants,
                           RewardCatalogue catalogue, MailedRedemptions mailed, PointValues pointValues) {
        this.authenticator = authenticator;
        this.requests = requests;
        this.merchants = merchants;
        this.catalogue = catalogue;
        this.mailed = mailed;
        this.pointValues = pointValues;
    }

    /** What one operation answers, given who asks. */
    interface Operation {
        JsonNode run(OperatorRewardRequests api, Message in, String operator);
    }

    void answer(Exchange exchange, Operation operation, int status) {
        Message in = exchange.getMessage();
        try {
            String operator = "http:" + authenticator.authenticate(in);
            JsonNode answer = operation.run(this, in, operator);
            in.removeHeaders("*");
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            in.setHeader(Exchange.CONTENT_TYPE, "application/json");
            in.setBody(ResponseBodies.whole(JSON.writeValueAsBytes(answer)));
        } catch (HttpProblem p) {
            ProblemResponses.answer(exchange, p);
        } catch (RewardRefused r) {
            ProblemResponses.answer(exchange, r.refusal().httpStatus(), r.refusal().code(), r.getMessage());
        } catch (IOException e) {
            ProblemResponses.answer(exchange, 500, "internal-error", "the answer could not be written");
        }
    }

    JsonNode add(Message in, String operator) {
        JsonNode body = requests.body(in);
        MerchantId owner = body.hasNonNull("owner") ? merchant(body.get("owner").asText()) : null;
        List<MerchantId> offeredAt = new ArrayList<>();
        boolean everywhere = false;
        JsonNode offered = body.get("offeredAt");
        if (offered != null && offered.isTextual() && "all".equals(offered.asText())) {
            everywhere = true;
        } else if (offered != null && offered.isArray()) {
            offered.forEach(code -> offeredAt.add(merchant(code.asText())));
        } else if (offered != null && !offered.isNull()) {
            throw new HttpProblem(422, RewardRefusal.INVALID_REWARD.code(), "offeredAt is \"all\" or a list of merchant codes");
        }
        Long stock = body.hasNonNull("stock") ? OperatorRequests.number(body, "stock") : null;
        long cost = body.hasNonNull("costMinor") ? OperatorRequests.number(body, "costMinor") : 0;
        NewReward reward = new NewReward(text(body, "code"), text(body, "name"), owner,
                OperatorRequests.number(body, "pricePoints"), stock, date(body, "validFrom"), date(body, "validUntil"),
                everywhere, offeredAt, cost);
        return json(catalogue.add(reward), merchantCodes());
    }

    JsonNode list(Message in, String operator) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode list = node.putArray("rewards");
        Map<Long, String> codes = merchantCodes();
        catalogue.list().forEach(r -> list.add(json(r, codes)));
        return node;
    }

    JsonNode show(Message in, String operator) {
        ObjectNode node = json(catalogue.find(in.getHeader("code", String.class)), merchantCodes());
        ObjectNode redeemed = node.putObject("redemptions");
        catalogue.redeemedByStatus(node.get("code").asText())
                .forEach((status, count) -> redeemed.put(status.toLowerCase(Locale.ROOT), count));
        return node;
    }

    /** Sets what one gift costs from now on: {@code {"costMinor":450}} (docs/settlement.md). */
    JsonNode setCost(Message in, String operator) {
        return json(catalogue.setCost(in.getHeader("code", String.class),
                OperatorRequests.number(requests.body(in), "costMinor")), merchantCodes());
    }

    JsonNode reserve(Message in, String operator) {
        String code = in.getHeader("code", String.class);
        return json(mailed.reserve(requests.card(requests.body(in), "cardNumber"), code, operator));
    }

    JsonNode fulfil(Message in, String operator) {
        return json(mailed.fulfil(redemptionId(in), operator));
    }

    JsonNode cancel(Message in, String operator) {
        return json(mailed.cancel(redemptionId(in), operator));
    }

    /** Sets what points are worth in the currency of the path: {@code {"points":100,"minorUnits":100}}. */
    JsonNode setPointValue(Message in, String operator) {
        JsonNode body = requests.body(in);
        PointValue value;
        try {
            value = new PointValue(in.getHeader("currency", String.class), OperatorRequests.number(body, "points"),
                    OperatorRequests.number(body, "minorUnits"));
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(422, "invalid-point-value", e.getMessage());
        }
        pointValues.set(value);
        return pointValues(in, operator);
    }

    JsonNode pointValues(Message in, String operator) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode list = node.putArray("pointValues");
        for (PointValue v : pointValues.list()) {
            list.addObject().put("currency", v.currency()).put("points", v.points()).put("minorUnits", v.minorUnits());
        }
        return node;
    }

    private MerchantId merchant(String code) {
        return merchants.findMerchantByCode(code).orElseThrow(() ->
                new RewardRefused(RewardRefusal.UNKNOWN_MERCHANT, "no merchant has code " + code));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new HttpProblem(422, "missing-field", field + " is required (a string)");
        }
        return value.asText();
    }

    private static LocalDate date(JsonNode body, String field) {
        try {
            return LocalDate.parse(text(body, field));
        } catch (DateTimeParseException e) {
            throw new HttpProblem(422, RewardRefusal.INVALID_REWARD.code(), field + " must be a date, e.g. 2026-12-31");
        }
    }

    private static long redemptionId(Message in) {
        String id = in.getHeader("id", String.class);
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new RewardRefused(RewardRefusal.UNKNOWN_REDEMPTION, "no redemption " + id);
        }
    }

    private static ObjectNode json(Reward r, Map<Long, String> codes) {
        ObjectNode node = JSON.createObjectNode();
        node.put("code", r.code());
        node.put("name", r.name());
        node.put("owner", r.owner() == null ? null : codeOf(r.owner(), codes));
        node.put("pricePoints", r.pricePoints());
        node.put("costMinor", r.costMinor());
        if (r.stockLeft() == null) {
            node.put("stockLeft", "unlimited");
        } else {
            node.put("stockLeft", r.stockLeft());
        }
        node.put("validFrom", r.validFrom().toString());
        node.put("validUntil", r.validUntil().toString());
        if (r.allMerchants()) {
            node.put("offeredAt", "all");
        } else {
            ArrayNode at = node.putArray("offeredAt");
            if (r.owner() != null) {
                at.add(codeOf(r.owner(), codes));
            }
            r.offeredAt().forEach(m -> at.add(codeOf(m, codes)));
        }
        return node;
    }

    /** Merchant codes by id: rewards name merchants by id, the operator by code. */
    private Map<Long, String> merchantCodes() {
        Map<Long, String> codes = new java.util.HashMap<>();
        merchants.listMerchantsAcrossTenants().forEach(m -> codes.put(m.getId(), m.getCode()));
        return codes;
    }

    private static String codeOf(MerchantId id, Map<Long, String> codes) {
        return codes.getOrDefault(id.value(), Long.toString(id.value()));
    }

    private static ObjectNode json(Redemption r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("redemption", r.id());
        node.put("reward", r.rewardCode());
        node.put("name", r.rewardName());
        node.put("points", r.points());
        node.put("status", r.status().toLowerCase(Locale.ROOT));
        node.put("channel", r.channel().toLowerCase(Locale.ROOT));
        node.put("balance", r.balance());
        return node;
    }
}
