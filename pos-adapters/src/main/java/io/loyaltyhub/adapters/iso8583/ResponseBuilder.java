package io.loyaltyhub.adapters.iso8583;

import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the answer to a request: the response MTI, the request's identifying fields echoed so the
 * terminal can match the answer, field 39, and field 63 with the points. Card data is never echoed:
 * the terminal has it, and the hub should hold it no longer than it must.
 */
public final class ResponseBuilder {

    private static final int[] ECHOED = {
        Iso8583Dialect.PROCESSING_CODE, Iso8583Dialect.AMOUNT, Iso8583Dialect.TRANSMISSION_DATE_TIME,
        Iso8583Dialect.STAN, Iso8583Dialect.LOCAL_TIME, Iso8583Dialect.LOCAL_DATE,
        Iso8583Dialect.RETRIEVAL_REFERENCE, Iso8583Dialect.TERMINAL_ID, Iso8583Dialect.MERCHANT_ID,
        Iso8583Dialect.CURRENCY, Iso8583Dialect.NETWORK_MANAGEMENT_CODE, Iso8583Dialect.ORIGINAL_DATA_ELEMENTS
    };

    /** The engine's answer, with the points it moved and the balance after. */
    public Iso8583Message answer(Iso8583Message request, TransactionOutcome outcome) {
        LoyaltyData data = LoyaltyData.completed(outcome.points(), outcome.balance(), outcome.hasBalance(),
                outcome.nextExpiry());
        if (outcome.covered() != 0) {
            data = data.with(LoyaltyData.PAID_MONEY, Long.toString(outcome.covered()));
        }
        if (namesMoreThanTheBaseRate(outcome.rules())) {
            data = data.with(LoyaltyData.EARN_RULES, LoyaltyData.rules(outcome.rules()));
        }
        return refusal(request, outcome.result().isoResponseCode()).with(Iso8583Dialect.LOYALTY_DATA, data.format());
    }

    /**
     * A sale that earned at the base rate alone says nothing more than before (its answer's bytes stay as they were for
     * terminals built against them); one that a rate version, campaign or tier changed names every rule applied.
     */
    private static boolean namesMoreThanTheBaseRate(java.util.List<String> rules) {
        return !rules.isEmpty() && !rules.equals(java.util.List.of("rate:base"));
    }

    /** Stored durably but not yet answered by the engine: approved, points to follow. */
    public Iso8583Message pending(Iso8583Message request) {
        return refusal(request, ResponseCode.APPROVED).with(Iso8583Dialect.LOYALTY_DATA, LoyaltyData.pending().format());
    }

    /** An answer carrying only a response code (also used for approvals that move no points, like an echo). */
    public Iso8583Message refusal(Iso8583Message request, String responseCode) {
        Map<Integer, String> fields = new TreeMap<>();
        for (int field : ECHOED) {
            request.field(field).ifPresent(value -> fields.put(field, value));
        }
        fields.put(Iso8583Dialect.RESPONSE_CODE, responseCode);
        return new Iso8583Message(MessageKind.responseMtiFor(request.mti()), fields);
    }

    /** Response code 30 to what could be read of a malformed message; nothing when not even its MTI was readable. */
    public Optional<Iso8583Message> formatError(MalformedMessageException malformed) {
        return malformed.readablePart().map(readable -> refusal(readable, ResponseCode.FORMAT_ERROR));
    }
}
