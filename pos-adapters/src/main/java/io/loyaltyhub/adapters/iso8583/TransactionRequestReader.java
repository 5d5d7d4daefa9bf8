package io.loyaltyhub.adapters.iso8583;

import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.card.InvalidCardNumberException;
import io.loyaltyhub.domain.card.TrackData;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.PresentedCard;
import io.loyaltyhub.domain.txn.TransactionType;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Turns a well-formed 0200/0220/0400/0420 from an identified terminal into the canonical
 * {@link PosTransaction}, or into the response code that refuses it. Expected refusals are results, not
 * exceptions. The card number is handed to the {@link CardReader} and goes no further.
 *
 * <p>References: a transaction is identified, as ISO 8583 does in field 90, by its transmission date and
 * time (field 7) and STAN (field 11) at its terminal, so {@code txnRef = <field 7>-<field 11>}. A reversal
 * names its original in field 90, or, without field 90, by carrying the original's fields 7 and 11 (the
 * usual way terminals build a reversal: a copy of the original with a new MTI). A reversal's own
 * reference is its original's, which is safe because the transaction type is part of the idempotency key:
 * so every reversal of one original — its repeat, or one sent again with a new STAN — is a copy of the first
 * and gets its answer. A refund (processing code 20) names the sale it refunds in field 90 the same way, and
 * has its own reference; without field 90 it is unlinked.
 */
public final class TransactionRequestReader {

    /** What the reader made of a request. */
    public sealed interface Reading permits Understood, Refused {
    }

    public record Understood(PosTransaction transaction) implements Reading {
    }

    /** {@code reason} is for the hub's log: it names fields and rules, never field content. */
    public record Refused(String responseCode, String reason) implements Reading {
    }

    private static final Currency NO_CURRENCY = Currency.getInstance("XXX");
    /** ISO 4217 numeric codes, looked up once: searching every currency per message showed in the profile. */
    private static final java.util.Map<Integer, Currency> BY_NUMERIC_CODE = Currency.getAvailableCurrencies().stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Currency::getNumericCode, c -> c, (a, b) -> a));

    private final CardReader cardReader;
    private final Clock clock;

    public TransactionRequestReader(CardReader cardReader, Clock clock) {
        this.cardReader = cardReader;
        this.clock = clock;
    }

    public Reading read(Iso8583Message request, MessageKind kind, TerminalIdentity terminal) {
        for (int mandatory : new int[] {Iso8583Dialect.PROCESSING_CODE, Iso8583Dialect.TRANSMISSION_DATE_TIME, Iso8583Dialect.STAN}) {
            if (!request.has(mandatory)) {
                return new Refused(ResponseCode.FORMAT_ERROR, "field " + mandatory + " is missing");
            }
        }
        Optional<TransactionType> requested = ProcessingCode.transactionType(request.field(Iso8583Dialect.PROCESSING_CODE).orElseThrow());
        if (requested.isEmpty()) {
            return new Refused(ResponseCode.INVALID_TRANSACTION, "processing code is not one the hub serves");
        }
        TransactionType type = kind.isReversal() ? TransactionType.REVERSAL : requested.get();

        OffsetDateTime occurredAt;
        try {
            occurredAt = TransmissionTime.of(request.field(Iso8583Dialect.TRANSMISSION_DATE_TIME).orElseThrow(), clock);
        } catch (DateTimeException e) {
            return new Refused(ResponseCode.FORMAT_ERROR, "field 7 is not a date and time");
        }
        TxnRef ownReference = reference(request.field(Iso8583Dialect.TRANSMISSION_DATE_TIME).orElseThrow(),
                request.field(Iso8583Dialect.STAN).orElseThrow());
        Optional<String> field90 = request.field(Iso8583Dialect.ORIGINAL_DATA_ELEMENTS);
        if (field90.isPresent() && !isOriginalDataElements(field90.get())) {
            return new Refused(ResponseCode.FORMAT_ERROR, "field 90 is not 42 digits of original data elements");
        }
        TxnRef originalReference = null;
        if (kind.isReversal()) {
            originalReference = field90.map(TransactionRequestReader::originalReference).orElse(ownReference);
        } else if (type == TransactionType.REFUND) {
            originalReference = field90.map(TransactionRequestReader::originalReference).orElse(null);
        }

        Money amount;
        try {
            amount = amount(request, type);
        } catch (IllegalArgumentException e) {
            return new Refused(ResponseCode.INVALID_AMOUNT, "field 4 or 49 is not an acceptable amount: " + e.getMessage());
        }
        if (amount == null) {
            return new Refused(ResponseCode.FORMAT_ERROR, "fields 4 and 49 are required for " + type);
        }

        long redeemPoints = 0;
        String rewardCode = null;
        boolean paysSale = false;
        if (type == TransactionType.REDEEM) {
            Optional<String> reward = rewardCode(request);
            if (reward.isPresent() && !PosTransaction.REWARD_CODE.matcher(reward.get()).matches()) {
                return new Refused(ResponseCode.FORMAT_ERROR, "field 63 element RW must be 1 to 32 letters, digits, '-' or '_'");
            }
            rewardCode = reward.orElse(null);
            Optional<String> pay = element(request, LoyaltyData.PAY_WITH_POINTS);
            if (pay.isPresent()) {
                if (rewardCode != null || element(request, LoyaltyData.REDEEM_POINTS).isPresent()) {
                    return new Refused(ResponseCode.FORMAT_ERROR, "field 63 names one of RP, RW and PY");
                }
                if (!pay.get().matches("[0-9]{1,12}")) {
                    return new Refused(ResponseCode.FORMAT_ERROR, "field 63 element PY must be 1 to 12 digits");
                }
                if (!request.has(Iso8583Dialect.AMOUNT) || !request.has(Iso8583Dialect.CURRENCY) || amount.isZero()) {
                    return new Refused(ResponseCode.INVALID_AMOUNT, "paying with points needs the sale's amount in fields 4 and 49");
                }
                redeemPoints = Long.parseLong(pay.get());
                if (redeemPoints <= 0) {
                    return new Refused(ResponseCode.INVALID_AMOUNT, "points to pay with must be positive");
                }
                paysSale = true;
            }
        }
        if (type == TransactionType.REDEEM && rewardCode == null && !paysSale) {
            Optional<Long> points = redeemPoints(request);
            if (points.isEmpty()) {
                return new Refused(ResponseCode.FORMAT_ERROR, "field 63 must name the points to redeem (element RP) or a reward (element RW)");
            }
            if (points.get() <= 0) {
                return new Refused(ResponseCode.INVALID_AMOUNT, "points to redeem must be positive");
            }
            redeemPoints = points.get();
        }

        Optional<String> pan = request.field(Iso8583Dialect.PAN);
        Optional<String> track2 = request.field(Iso8583Dialect.TRACK2);
        if (pan.isEmpty() && track2.isEmpty()) {
            return new Refused(ResponseCode.FORMAT_ERROR, "neither field 2 nor field 35 is present");
        }
        PresentedCard card;
        try {
            // Field 35: only the card number is kept; expiry, service code and discretionary data are dropped here.
            card = pan.isPresent() ? cardReader.read(pan.get()) : cardReader.read(TrackData.panOfTrack2(track2.get()));
        } catch (InvalidCardNumberException e) {
            return new Refused(ResponseCode.INVALID_CARD, e.reason().code());
        }

        try {
            return new Understood(new PosTransaction(terminal.merchantId(), terminal.storeId(), terminal.terminalId(),
                    kind.isReversal() ? originalReference : ownReference, type, card, amount, occurredAt, List.of(),
                    originalReference, redeemPoints, Channel.ISO8583, rewardCode, paysSale));
        } catch (IllegalArgumentException e) {
            // PosTransaction's messages name fields and rules; the card number is already a token here.
            return new Refused(type.carriesAmount() ? ResponseCode.INVALID_AMOUNT : ResponseCode.FORMAT_ERROR, e.getMessage());
        }
    }

    static TxnRef reference(String transmissionDateTime, String stan) {
        return new TxnRef(transmissionDateTime + "-" + stan);
    }

    private static boolean isOriginalDataElements(String field90) {
        return field90.length() == 42 && field90.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    /** Field 90: original MTI (4), original STAN (6), original transmission date and time (10), then institution ids. */
    private static TxnRef originalReference(String field90) {
        return reference(field90.substring(10, 20), field90.substring(4, 10));
    }

    /** Null when an amount is required but absent. */
    private static Money amount(Iso8583Message request, TransactionType type) {
        Optional<String> amount = request.field(Iso8583Dialect.AMOUNT);
        Optional<String> currency = request.field(Iso8583Dialect.CURRENCY);
        if (type.carriesAmount() && (amount.isEmpty() || currency.isEmpty())) {
            return null;
        }
        // A balance inquiry, redemption or reversal may come without an amount; "XXX" is ISO 4217's "no currency".
        long minorUnits = amount.map(Long::parseLong).orElse(0L);
        return new Money(minorUnits, currency.map(TransactionRequestReader::currency).orElse(NO_CURRENCY));
    }

    /** Field 49 as the 1987 standard has it (numeric, "978") or as many terminals send it (alphabetic, "EUR"). */
    static Currency currency(String field49) {
        String code = field49.trim();
        if (isThreeDigits(code)) {
            Currency known = BY_NUMERIC_CODE.get(Integer.parseInt(code));
            if (known == null) {
                throw new IllegalArgumentException("unknown numeric currency " + code);
            }
            return known;
        }
        return Money.currencyOf(code);
    }

    private static boolean isThreeDigits(String code) {
        return code.length() == 3 && code.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    /** Field 63 element RW: the code of a catalogue reward to redeem (an unreadable field 63 names none). */
    private static Optional<String> rewardCode(Iso8583Message request) {
        try {
            return request.field(Iso8583Dialect.LOYALTY_DATA).map(LoyaltyData::parse)
                    .flatMap(data -> data.element(LoyaltyData.REWARD_CODE));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An element of field 63 (an unreadable field 63 has none). */
    private static Optional<String> element(Iso8583Message request, String tag) {
        try {
            return request.field(Iso8583Dialect.LOYALTY_DATA).map(LoyaltyData::parse).flatMap(data -> data.element(tag));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> redeemPoints(Iso8583Message request) {
        try {
            return request.field(Iso8583Dialect.LOYALTY_DATA)
                    .map(LoyaltyData::parse)
                    .flatMap(data -> {
                        var points = data.number(LoyaltyData.REDEEM_POINTS);
                        return points.isPresent() ? Optional.of(points.getAsLong()) : Optional.empty();
                    });
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
