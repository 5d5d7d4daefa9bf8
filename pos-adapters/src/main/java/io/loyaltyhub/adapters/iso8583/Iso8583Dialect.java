package io.loyaltyhub.adapters.iso8583;

import static io.loyaltyhub.adapters.iso8583.FieldSpec.Content.ALPHANUMERIC;
import static io.loyaltyhub.adapters.iso8583.FieldSpec.Content.HEX;
import static io.loyaltyhub.adapters.iso8583.FieldSpec.Content.NUMERIC;
import static io.loyaltyhub.adapters.iso8583.FieldSpec.Content.PRINTABLE;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The field layout the hub speaks: ISO 8583:1987 in ASCII, as laid out by the common "ASCII 1987"
 * packager of payment software (MTI as 4 digits, bitmaps as hex characters, LL/LLL prefixes as ASCII
 * digits, binary fields as hex characters). docs/iso8583.md is the human-readable copy of this table.
 *
 * <p>Besides the fields the hub reads or writes, a few fields that off-the-shelf terminals commonly add
 * (expiry date, POS condition code, acquirer id, ...) are laid out here so such a message can still be
 * parsed; their content is ignored. A field outside this table makes the message malformed, because
 * without its layout nothing after it can be found.
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
    public static final int AUTHORIZATION_ID = 38;
    public static final int RESPONSE_CODE = 39;
    public static final int TERMINAL_ID = 41;
    public static final int MERCHANT_ID = 42;
    public static final int CURRENCY = 49;
    public static final int ADDITIONAL_AMOUNTS = 54;
    public static final int LOYALTY_DATA = 63;
    public static final int MAC = 64;
    public static final int NETWORK_MANAGEMENT_CODE = 70;
    public static final int ORIGINAL_DATA_ELEMENTS = 90;

    private static final Map<Integer, FieldSpec> FIELDS = new TreeMap<>();

    static {
        define(FieldSpec.llvar(PAN, NUMERIC, 19, "primary account number"));
        define(FieldSpec.fixed(PROCESSING_CODE, NUMERIC, 6, "processing code"));
        define(FieldSpec.fixed(AMOUNT, NUMERIC, 12, "amount, transaction (minor units)"));
        define(FieldSpec.fixed(TRANSMISSION_DATE_TIME, NUMERIC, 10, "transmission date and time MMDDhhmmss (UTC)"));
        define(FieldSpec.fixed(STAN, NUMERIC, 6, "systems trace audit number"));
        define(FieldSpec.fixed(LOCAL_TIME, NUMERIC, 6, "time, local transaction hhmmss"));
        define(FieldSpec.fixed(LOCAL_DATE, NUMERIC, 4, "date, local transaction MMDD"));
        define(FieldSpec.fixed(14, NUMERIC, 4, "date, expiration (ignored)"));
        define(FieldSpec.fixed(15, NUMERIC, 4, "date, settlement (ignored)"));
        define(FieldSpec.fixed(18, NUMERIC, 4, "merchant type (ignored)"));
        define(FieldSpec.fixed(POS_ENTRY_MODE, NUMERIC, 3, "POS entry mode"));
        define(FieldSpec.fixed(23, NUMERIC, 3, "card sequence number (ignored)"));
        define(FieldSpec.fixed(24, NUMERIC, 3, "network international identifier (ignored)"));
        define(FieldSpec.fixed(25, NUMERIC, 2, "POS condition code (ignored)"));
        define(FieldSpec.llvar(32, NUMERIC, 11, "acquiring institution id (ignored)"));
        define(FieldSpec.llvar(33, NUMERIC, 11, "forwarding institution id (ignored)"));
        define(FieldSpec.llvar(TRACK2, FieldSpec.Content.TRACK2, 37, "track 2 data"));
        define(FieldSpec.fixed(RETRIEVAL_REFERENCE, ALPHANUMERIC, 12, "retrieval reference number"));
        define(FieldSpec.fixed(AUTHORIZATION_ID, ALPHANUMERIC, 6, "authorization id response"));
        define(FieldSpec.fixed(RESPONSE_CODE, ALPHANUMERIC, 2, "response code"));
        define(FieldSpec.fixed(TERMINAL_ID, PRINTABLE, 8, "card acceptor terminal id"));
        define(FieldSpec.fixed(MERCHANT_ID, PRINTABLE, 15, "card acceptor id code"));
        define(FieldSpec.fixed(43, PRINTABLE, 40, "card acceptor name/location (ignored)"));
        define(FieldSpec.fixed(CURRENCY, ALPHANUMERIC, 3, "currency code, transaction"));
        define(FieldSpec.lllvar(48, PRINTABLE, 999, "additional data, private (ignored)"));
        define(FieldSpec.lllvar(ADDITIONAL_AMOUNTS, PRINTABLE, 120, "additional amounts"));
        define(FieldSpec.lllvar(60, PRINTABLE, 999, "private use"));
        define(FieldSpec.lllvar(61, PRINTABLE, 999, "private use"));
        define(FieldSpec.lllvar(62, PRINTABLE, 999, "private use"));
        define(FieldSpec.lllvar(LOYALTY_DATA, PRINTABLE, 999, "private use: loyalty data (see LoyaltyData)"));
        define(FieldSpec.fixed(MAC, HEX, 16, "message authentication code"));
        define(FieldSpec.fixed(NETWORK_MANAGEMENT_CODE, NUMERIC, 3, "network management information code"));
        define(FieldSpec.fixed(ORIGINAL_DATA_ELEMENTS, NUMERIC, 42, "original data elements"));
    }

    private Iso8583Dialect() {
    }

    private static void define(FieldSpec spec) {
        FIELDS.put(spec.number(), spec);
    }

    public static Optional<FieldSpec> field(int number) {
        return Optional.ofNullable(FIELDS.get(number));
    }

    public static Map<Integer, FieldSpec> fields() {
        return Map.copyOf(FIELDS);
    }
}
