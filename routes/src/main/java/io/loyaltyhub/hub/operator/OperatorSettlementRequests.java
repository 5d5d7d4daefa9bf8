package io.loyaltyhub.hub.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.domain.settlement.Liability;
import io.loyaltyhub.domain.settlement.LiabilityStatement;
import io.loyaltyhub.domain.settlement.SettlementRefused;
import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.http.ProblemResponses;
import io.loyaltyhub.hub.http.ResponseBodies;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The operator's settlement figures over HTTP (docs/settlement.md, "Liability and breakage"): the liability now, or a
 * closed period's as its close recorded it ({@code ?period=ID}). Coalition data: the operator's alone.
 */
final class OperatorSettlementRequests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OperatorAuthenticator authenticator;
    private final Liability liability;

    OperatorSettlementRequests(OperatorAuthenticator authenticator, Liability liability) {
        this.authenticator = authenticator;
        this.liability = liability;
    }

    void liability(Exchange exchange) {
        Message in = exchange.getMessage();
        try {
            authenticator.authenticate(in);
            String period = in.getHeader("period", String.class);
            LiabilityStatement s = period == null ? liability.current() : liability.ofPeriod(periodId(period));
            in.removeHeaders("*");
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            in.setHeader(Exchange.CONTENT_TYPE, "application/json");
            in.setBody(ResponseBodies.whole(JSON.writeValueAsBytes(json(s))));
        } catch (HttpProblem p) {
            ProblemResponses.answer(exchange, p);
        } catch (SettlementRefused r) {
            ProblemResponses.answer(exchange, status(r.code()), r.code(), r.getMessage());
        } catch (IOException e) {
            ProblemResponses.answer(exchange, 500, "internal-error", "the answer could not be written");
        }
    }

    private static long periodId(String period) {
        try {
            return Long.parseLong(period);
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "invalid-period", "period is a settlement period's id (a number)");
        }
    }

    private static int status(String code) {
        return switch (code) {
            case "no-such-period" -> 404;
            case "period-not-closed", "no-liability", "no-settlement-terms" -> 409;
            default -> 422;
        };
    }

    private static ObjectNode json(LiabilityStatement s) {
        ObjectNode node = JSON.createObjectNode();
        if (s.periodId() == null) {
            node.putNull("period");
            node.putNull("asOf");
        } else {
            node.put("period", s.periodId());
            node.put("asOf", s.asOf().toString());
        }
        node.put("currency", s.currency());
        ArrayNode outstanding = node.putArray("outstanding");
        s.outstanding().forEach(o -> outstanding.addObject().put("issuer", issuer(o.issuer())).put("points", o.points())
                .put("valueMinor", o.valueMinor()));
        node.put("outstandingPoints", s.totalOutstandingPoints());
        node.put("outstandingValueMinor", s.totalValueMinor());
        ArrayNode expiring = node.putArray("expiring");
        s.expiring().forEach(e -> expiring.addObject().put("issuer", issuer(e.issuer())).put("month", e.month().toString())
                .put("points", e.points()).put("expectedBreakage", e.expectedBreakage()));
        node.put("expectedBreakage", s.totalExpectedBreakage());
        node.put("expiredSoFar", s.expiredSoFar());
        node.put("redeemedSoFar", s.redeemedSoFar());
        if (s.periodId() != null) {
            node.put("mailedGifts", s.mailedGifts());
            node.put("mailedGiftCostMinor", s.mailedGiftCostMinor());
        }
        return node;
    }

    private static String issuer(long issuer) {
        return issuer == Liability.OPERATOR ? "operator" : "merchant:" + issuer;
    }
}
