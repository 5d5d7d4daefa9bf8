package io.loyaltyhub.adapters.iso8583;

import static io.loyaltyhub.adapters.iso8583.FieldSpec.Content.ALPHANUMERIC;
import static io.loyaltyhub.adapters.iso8583.FieldSpec.Content.HEX;
import static io.loyaltyhub.adapters.iso8583.FieldSpec.Content.NUMERIC;
import static io.loyaltyhub.adapters.iso8583.FieldSpec.Content.PRINTABLE;
import static io.loyaltyhub.adapters.iso8583.FieldSpec.Length.LL;
import static io.loyaltyhub.adapters.iso8583.FieldSpec.Length.LLL;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The field layout the hub speaks: ISO 8583:1987 in ASCII, as laid out by the common "ASCII 1987"
 * packager of payment software (MTI as 4 digits, bitmaps as hex characters, LL/LLL prefixes as ASCII
 * digits, binary fields as hex characters). docs/iso8583.md is the human-readable copy of this table.
 *
 * <p>Every field of the 1987 table (2 to 128) has its layout here, so a message from any terminal can
 * be read to its end. Only the fields the hub reads or writes are kept and checked; the others are
 * {@linkplain FieldSpec#skipped() skipped}: stepped over by their length, their content ignored. A
 * terminal that adds its expiry date, PIN block, EMV data (55) or additional response data (44) to a
 * loyalty request is therefore served like one that sends only what the hub needs.
 */
public final class Iso8583Dialect {

    public static final int PAN = 2;
    public static final int PROCESSING_CODE = 3;
    public static final int AMOUNT = 4;
    public static final int TRANSMISSION_DATE_TIME = 7;
    public static final int STAN = 11;
    public static final int LOCAL_TIME = 12;
    public static final int LOCAL_DATE = 13;
    public static final int POS_ENTRY_MODE = 22;
    public static final int TRACK2 = 35;
    public static final int RETRIEVAL_REFERENCE = 37;
    public static final int RESPONSE_CODE = 39;
    public static final int TERMINAL_ID = 41;
    public static final int MERCHANT_ID = 42;
    public static final int CURRENCY = 49;
    public static final int ICC_DATA = 55;
    public static final int LOYALTY_DATA = 63;
    public static final int MAC = 64;
    public static final int NETWORK_MANAGEMENT_CODE = 70;
    public static final int ORIGINAL_DATA_ELEMENTS = 90;

    private static final Map<Integer, FieldSpec> FIELDS = new TreeMap<>();

    static {
        // The fields the hub reads or writes.
        define(FieldSpec.llvar(PAN, NUMERIC, 19, "primary account number"));
        define(FieldSpec.fixed(PROCESSING_CODE, NUMERIC, 6, "processing code"));
        define(FieldSpec.fixed(AMOUNT, NUMERIC, 12, "amount, transaction (minor units)"));
        define(FieldSpec.fixed(TRANSMISSION_DATE_TIME, NUMERIC, 10, "transmission date and time MMDDhhmmss (UTC)"));
        define(FieldSpec.fixed(STAN, NUMERIC, 6, "systems trace audit number"));
        define(FieldSpec.fixed(LOCAL_TIME, NUMERIC, 6, "time, local transaction hhmmss"));
        define(FieldSpec.fixed(LOCAL_DATE, NUMERIC, 4, "date, local transaction MMDD"));
        define(FieldSpec.llvar(TRACK2, FieldSpec.Content.TRACK2, 37, "track 2 data"));
        define(FieldSpec.fixed(RETRIEVAL_REFERENCE, ALPHANUMERIC, 12, "retrieval reference number"));
        define(FieldSpec.fixed(RESPONSE_CODE, ALPHANUMERIC, 2, "response code"));
        define(FieldSpec.fixed(TERMINAL_ID, PRINTABLE, 8, "card acceptor terminal id"));
        define(FieldSpec.fixed(MERCHANT_ID, PRINTABLE, 15, "card acceptor id code"));
        define(FieldSpec.fixed(CURRENCY, ALPHANUMERIC, 3, "currency code, transaction"));
        define(FieldSpec.lllvar(LOYALTY_DATA, PRINTABLE, 999, "private use: loyalty data (see LoyaltyData)"));
        define(FieldSpec.fixed(MAC, HEX, 16, "message authentication code"));
        define(FieldSpec.fixed(NETWORK_MANAGEMENT_CODE, NUMERIC, 3, "network management information code"));
        define(FieldSpec.fixed(ORIGINAL_DATA_ELEMENTS, NUMERIC, 42, "original data elements"));

        // The rest of the 1987 table: known length, content ignored.
        skipFixed(5, 12, "amount, settlement");
        skipFixed(6, 12, "amount, cardholder billing");
        skipFixed(8, 8, "amount, cardholder billing fee");
        skipFixed(9, 8, "conversion rate, settlement");
        skipFixed(10, 8, "conversion rate, cardholder billing");
        skipFixed(14, 4, "date, expiration");
        skipFixed(15, 4, "date, settlement");
        skipFixed(16, 4, "date, conversion");
        skipFixed(17, 4, "date, capture");
        skipFixed(18, 4, "merchant type");
        skipFixed(19, 3, "acquiring institution country code");
        skipFixed(20, 3, "PAN extended, country code");
        skipFixed(21, 3, "forwarding institution country code");
        skipFixed(POS_ENTRY_MODE, 3, "POS entry mode");
        skipFixed(23, 3, "card sequence number");
        skipFixed(24, 3, "network international identifier");
        skipFixed(25, 2, "POS condition code");
        skipFixed(26, 2, "POS PIN capture code");
        skipFixed(27, 1, "authorization id response length");
        skipFixed(28, 9, "amount, transaction fee (x+n 8)");
        skipFixed(29, 9, "amount, settlement fee (x+n 8)");
        skipFixed(30, 9, "amount, transaction processing fee (x+n 8)");
        skipFixed(31, 9, "amount, settlement processing fee (x+n 8)");
        skipVariable(32, LL, "acquiring institution id");
        skipVariable(33, LL, "forwarding institution id");
        skipVariable(34, LL, "PAN, extended");
        skipVariable(36, LLL, "track 3 data");
        skipFixed(38, 6, "authorization id response");
        skipFixed(40, 3, "service restriction code");
        skipFixed(43, 40, "card acceptor name/location");
        skipVariable(44, LL, "additional response data");
        skipVariable(45, LL, "track 1 data");
        skipVariable(46, LLL, "additional data, ISO");
        skipVariable(47, LLL, "additional data, national");
        skipVariable(48, LLL, "additional data, private");
        skipFixed(50, 3, "currency code, settlement");
        skipFixed(51, 3, "currency code, cardholder billing");
        skipFixed(52, 16, "PIN data (b 64 as hex)");
        skipFixed(53, 16, "security related control information");
        skipVariable(54, LLL, "additional amounts");
        skipVariable(ICC_DATA, LLL, "ICC (EMV) data");
        for (int reserved = 56; reserved <= 62; reserved++) {
            skipVariable(reserved, LLL, "reserved");
        }
        skipFixed(65, 2, "bitmap, extended (b 1 as hex)");
        skipFixed(66, 1, "settlement code");
        skipFixed(67, 2, "extended payment code");
        skipFixed(68, 3, "receiving institution country code");
        skipFixed(69, 3, "settlement institution country code");
        skipFixed(71, 4, "message number");
        skipFixed(72, 4, "message number, last");
        skipFixed(73, 6, "date, action");
        for (int count = 74; count <= 81; count++) {
            skipFixed(count, 10, "credits, debits, transfers, inquiries or authorizations: number");
        }
        for (int fee = 82; fee <= 85; fee++) {
            skipFixed(fee, 12, "credits or debits: fee amount");
        }
        for (int total = 86; total <= 89; total++) {
            skipFixed(total, 16, "credits or debits: amount");
        }
        skipFixed(91, 1, "file update code");
        skipFixed(92, 2, "file security code");
        skipFixed(93, 5, "response indicator");
        skipFixed(94, 7, "service indicator");
        skipFixed(95, 42, "replacement amounts");
        skipFixed(96, 16, "message security code (b 64 as hex)");
        skipFixed(97, 17, "amount, net settlement (x+n 16)");
        skipFixed(98, 25, "payee");
        skipVariable(99, LL, "settlement institution id");
        skipVariable(100, LL, "receiving institution id");
        skipVariable(101, LL, "file name");
        skipVariable(102, LL, "account id 1");
        skipVariable(103, LL, "account id 2");
        skipVariable(104, LLL, "transaction description");
        for (int reserved = 105; reserved <= 127; reserved++) {
            skipVariable(reserved, LLL, "reserved");
        }
        skipFixed(128, 16, "message authentication code, secondary (b 64 as hex)");
    }

    private Iso8583Dialect() {
    }

    private static void define(FieldSpec spec) {
        if (FIELDS.putIfAbsent(spec.number(), spec) != null) {
            throw new IllegalStateException("field " + spec.number() + " is laid out twice");
        }
    }

    private static void skipFixed(int number, int length, String name) {
        define(FieldSpec.skippedFixed(number, length, name + " (ignored)"));
    }

    private static void skipVariable(int number, FieldSpec.Length length, String name) {
        define(FieldSpec.skippedVariable(number, length, name + " (ignored)"));
    }

    public static Optional<FieldSpec> field(int number) {
        return Optional.ofNullable(FIELDS.get(number));
    }

    public static Map<Integer, FieldSpec> fields() {
        return Map.copyOf(FIELDS);
    }
}
