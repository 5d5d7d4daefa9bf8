package io.loyaltyhub.hub.chaos;

import io.loyaltyhub.adapters.iso8583.Framing;
import io.loyaltyhub.adapters.iso8583.Iso8583Client;
import io.loyaltyhub.adapters.iso8583.Iso8583Dialect;
import io.loyaltyhub.adapters.iso8583.Iso8583Message;
import io.loyaltyhub.adapters.iso8583.LoyaltyData;
import io.loyaltyhub.adapters.iso8583.MalformedMessageException;
import io.loyaltyhub.adapters.iso8583.TerminalRequests;
import io.loyaltyhub.domain.txn.TransactionType;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A till speaking ISO 8583 (docs/iso8583.md) over one TCP connection, one request at a time. A request that got
 * no answer is sent again as its repeat (0201, 0401: the same fields), on a new connection after an error; 96
 * asks for it again. A void is a reversal (0400) naming the sale in field 90; a refund names no sale (the
 * channel has no field for it). The hub's reference is {@code <field 7>-<field 11>}, a reversal's that of its
 * original (with type REVERSAL).
 */
final class Iso8583Till extends OnlineTill<Iso8583Message> {
    /** Refused at the edge, never stored: format error, terminal not permitted. */
    private static final Set<String> EDGE_REFUSALS = Set.of("30", "58");

    private final int port;
    private final CardBook cards;
    private final TerminalRequests requests;
    private final Map<SwipeRecord, Iso8583Message> sales = new HashMap<>();
    private Iso8583Client connection;

    Iso8583Till(String terminal, String merchant, int port, CardBook cards, Notebook notebook, SwipePlanner planner,
                RunControl control) {
        super(terminal, notebook, planner, control);
        this.port = port;
        this.cards = cards;
        this.requests = new TerminalRequests(terminal, merchant, "978", Clock.systemUTC(), 1);
    }

    @Override
    protected Sent<Iso8583Message> prepare(PlannedSwipe swipe) {
        String card = cards.number(swipe.card());
        Iso8583Message message = switch (swipe.type()) {
            case SALE -> requests.sale(card, swipe.amount());
            case REFUND -> requests.refund(card, swipe.amount());
            case BALANCE_INQUIRY -> requests.balanceInquiry(card);
            case REDEEM -> requests.redemption(card, swipe.redeemPoints());
            case VOID -> requests.reversal(sales.get(swipe.original()), false);
            default -> throw new IllegalArgumentException("the ISO 8583 till does not ring up " + swipe.type());
        };
        // A reversal is keyed by its original's reference (the type tells them apart).
        boolean reversal = swipe.type() == TransactionType.VOID;
        TransactionType stored = reversal ? TransactionType.REVERSAL : swipe.type();
        String ref = reversal ? swipe.original().ref() : message.field(Iso8583Dialect.TRANSMISSION_DATE_TIME).orElseThrow() + "-"
                + message.field(Iso8583Dialect.STAN).orElseThrow();
        SwipeRecord record = new SwipeRecord(Channel.ISO8583, terminal, ref, stored.name(), swipe.card(), System.currentTimeMillis());
        if (swipe.type() == TransactionType.SALE) {
            sales.put(record, message);
        }
        return new Sent<>(record, message);
    }

    @Override
    protected Attempt attempt(Sent<Iso8583Message> swipe, boolean repeat) {
        Iso8583Message request = repeat ? TerminalRequests.asRepeat(swipe.content()) : swipe.content();
        try {
            if (connection == null) {
                connection = Iso8583Client.connect("127.0.0.1", port, Framing.fromConfig("binary-2"), control.answerTimeout(), null);
            }
            Iso8583Client.Exchange exchange = connection.exchange(request);
            if (!exchange.response().field(Iso8583Dialect.STAN).equals(request.field(Iso8583Dialect.STAN))) {
                disconnect();
                return Attempt.retry("iso8583-answer-to-another-request");
            }
            return answer(exchange, System.currentTimeMillis());
        } catch (SocketTimeoutException e) {
            disconnect();
            return Attempt.retry("timeout");
        } catch (IOException | MalformedMessageException | IllegalArgumentException e) {
            disconnect();
            return Attempt.retry("connection");
        }
    }

    private static Attempt answer(Iso8583Client.Exchange exchange, long at) {
        String code = exchange.responseCode();
        if ("96".equals(code)) {
            return Attempt.retry("iso8583-96");
        }
        if ("91".equals(code)) { // not stored: over capacity, stopping, or the hub's queue unreachable (docs/iso8583.md)
            return new Attempt.Retry("iso8583-91", true, null);
        }
        if (EDGE_REFUSALS.contains(code)) {
            return Attempt.answered(new Answer(AnswerKind.REJECTED, code, null, null, null, at));
        }
        LoyaltyData data = exchange.loyaltyData();
        if ("00".equals(code) && data.element(LoyaltyData.STATUS).filter(LoyaltyData.STATUS_PENDING::equals).isPresent()) {
            return Attempt.answered(new Answer(AnswerKind.PENDING, code, null, null, null, at));
        }
        OptionalLong points = data.number(LoyaltyData.POINTS_CHANGE);
        OptionalLong balance = data.number(LoyaltyData.POINTS_BALANCE);
        return Attempt.answered(new Answer("00".equals(code) ? AnswerKind.APPROVED : AnswerKind.DECLINED, code,
                points.isPresent() ? points.getAsLong() : 0L, balance.isPresent() ? balance.getAsLong() : null, null, at));
    }

    @Override
    protected void disconnect() {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException e) {
                // a connection that is already broken
            }
            connection = null;
        }
    }
}
