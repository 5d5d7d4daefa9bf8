package io.loyaltyhub.adapters.iso8583;

import io.loyaltyhub.domain.txn.TransactionType;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the requests one terminal sends, numbering them with its own STAN (1..999999, then round again)
 * and stamping them with its clock. The simulator's and the end-to-end tests' idea of a till.
 */
public final class TerminalRequests {

    private static final DateTimeFormatter TRANSMISSION = DateTimeFormatter.ofPattern("MMddHHmmss");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HHmmss");
    private static final DateTimeFormatter LOCAL_DATE = DateTimeFormatter.ofPattern("MMdd");
    /** ISO 8583 field 22: PAN entered by magnetic stripe read (02), or key entered (01); PIN capability unknown (0). */
    private static final String ENTRY_SWIPED = "020";
    private static final String ENTRY_KEYED = "010";

    private final String terminalCode;
    private final String merchantCode;
    private final String currency;
    private final Clock clock;
    private final AtomicInteger stan;

    /**
     * @param terminalCode field 41, at most 8 characters
     * @param merchantCode field 42, at most 15 characters
     * @param currency     field 49, e.g. "978" or "EUR"
     * @param firstStan    the STAN of the first request (a real terminal keeps counting across restarts)
     */
    public TerminalRequests(String terminalCode, String merchantCode, String currency, Clock clock, int firstStan) {
        this.terminalCode = terminalCode;
        this.merchantCode = merchantCode;
        this.currency = currency;
        this.clock = clock;
        this.stan = new AtomicInteger(firstStan - 1);
    }

    public Iso8583Message sale(String cardNumber, long amountMinorUnits) {
        return financial(TransactionType.SALE, cardNumber).with(Iso8583Dialect.AMOUNT, Long.toString(amountMinorUnits));
    }

    /** A refund that names no sale (the till cannot): it is recorded and moves no points. */
    public Iso8583Message refund(String cardNumber, long amountMinorUnits) {
        return financial(TransactionType.REFUND, cardNumber).with(Iso8583Dialect.AMOUNT, Long.toString(amountMinorUnits));
    }

    /** A refund of (part of) {@code sale}, named in field 90: points come back in proportion to the amount. */
    public Iso8583Message refundOf(Iso8583Message sale, String cardNumber, long amountMinorUnits) {
        return refund(cardNumber, amountMinorUnits).with(Iso8583Dialect.ORIGINAL_DATA_ELEMENTS, originalDataElements(sale));
    }

    /**
     * Field 90 naming {@code original}: its MTI, STAN and transmission date and time, and no institution ids
     * (22 zeros).
     */
    public static String originalDataElements(Iso8583Message original) {
        return originalDataElements(original.mti(), original.field(Iso8583Dialect.STAN).orElseThrow(),
                original.field(Iso8583Dialect.TRANSMISSION_DATE_TIME).orElseThrow());
    }

    public static String originalDataElements(String mti, String stan, String transmissionDateTime) {
        return mti + stan + transmissionDateTime + "0".repeat(22);
    }

    public Iso8583Message balanceInquiry(String cardNumber) {
        return financial(TransactionType.BALANCE_INQUIRY, cardNumber);
    }

    public Iso8583Message redemption(String cardNumber, long points) {
        return financial(TransactionType.REDEEM, cardNumber).with(Iso8583Dialect.LOYALTY_DATA, LoyaltyData.redeem(points).format());
    }

    /** Pays part of a sale of {@code saleMinorUnits} with {@code points}: field 63 element PY (docs/rewards.md). */
    public Iso8583Message pointsPayment(String cardNumber, long points, long saleMinorUnits) {
        return financial(TransactionType.REDEEM, cardNumber).with(Iso8583Dialect.AMOUNT, Long.toString(saleMinorUnits))
                .with(Iso8583Dialect.LOYALTY_DATA, LoyaltyData.payWithPoints(points).format());
    }

    /** A redemption of a catalogue reward: its code in field 63 element RW (docs/rewards.md). */
    public Iso8583Message rewardRedemption(String cardNumber, String rewardCode) {
        return financial(TransactionType.REDEEM, cardNumber).with(Iso8583Dialect.LOYALTY_DATA,
                LoyaltyData.redeemReward(rewardCode).format());
    }

    /** The same transaction reported after the fact (store-and-forward): an 0220 instead of an 0200. */
    public static Iso8583Message asAdvice(Iso8583Message request) {
        return request.withMti(MessageKind.FINANCIAL_ADVICE.mti());
    }

    /** The request sent again because no answer came: same fields, MTI ending in 1. */
    public static Iso8583Message asRepeat(Iso8583Message request) {
        return request.withMti(MessageKind.of(request.mti()).orElseThrow().repeatMti());
    }

    /**
     * A reversal of {@code original}: a copy of it with a new MTI, its own STAN and transmission time, and
     * field 90 naming the original (MTI, STAN, transmission date and time, no institution ids).
     */
    public Iso8583Message reversal(Iso8583Message original, boolean advice) {
        String field90 = originalDataElements(original);
        return stamp(original)
                .withMti(advice ? MessageKind.REVERSAL_ADVICE.mti() : MessageKind.REVERSAL_REQUEST.mti())
                .without(Iso8583Dialect.MAC)
                .with(Iso8583Dialect.ORIGINAL_DATA_ELEMENTS, field90);
    }

    /** 0800 echo test, field 70 = 301. */
    public Iso8583Message echo() {
        return stamp(Iso8583Message.of(MessageKind.NETWORK_MANAGEMENT.mti()))
                .with(Iso8583Dialect.NETWORK_MANAGEMENT_CODE, "301");
    }

    private Iso8583Message financial(TransactionType type, String cardNumber) {
        boolean track2 = cardNumber.indexOf('=') >= 0;
        return stamp(Iso8583Message.of(MessageKind.FINANCIAL_REQUEST.mti()))
                .with(Iso8583Dialect.PROCESSING_CODE, ProcessingCode.of(type))
                .with(track2 ? Iso8583Dialect.TRACK2 : Iso8583Dialect.PAN, cardNumber)
                .with(Iso8583Dialect.POS_ENTRY_MODE, track2 ? ENTRY_SWIPED : ENTRY_KEYED)
                .with(Iso8583Dialect.TERMINAL_ID, terminalCode)
                .with(Iso8583Dialect.MERCHANT_ID, merchantCode)
                .with(Iso8583Dialect.CURRENCY, currency);
    }

    /** Fresh STAN and times; everything else kept. */
    private Iso8583Message stamp(Iso8583Message message) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime utc = now.withZoneSameInstant(ZoneOffset.UTC);
        Iso8583Message stamped = message
                .with(Iso8583Dialect.TRANSMISSION_DATE_TIME, TRANSMISSION.format(utc))
                .with(Iso8583Dialect.STAN, ZeroPadded.of(nextStan(), 6));
        if (message.mti().equals(MessageKind.NETWORK_MANAGEMENT.mti())) {
            return stamped;
        }
        return stamped
                .with(Iso8583Dialect.LOCAL_TIME, LOCAL_TIME.format(now))
                .with(Iso8583Dialect.LOCAL_DATE, LOCAL_DATE.format(now));
    }

    private int nextStan() {
        return stan.updateAndGet(s -> s >= 999_999 ? 1 : s + 1);
    }
}
