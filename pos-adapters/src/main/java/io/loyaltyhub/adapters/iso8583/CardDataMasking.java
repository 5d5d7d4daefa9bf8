package io.loyaltyhub.adapters.iso8583;

import java.util.Map;
import java.util.Set;

/**
 * The "protect debug info" step: the only way a message is turned into text for a log line. Card
 * numbers and track data are reduced to their last four digits, PIN blocks, EMV data and free text that
 * may echo card data are replaced by their length, so a debug log never holds a usable card number.
 */
public final class CardDataMasking {

    /** Fields that hold a card number or track data. */
    private static final Set<Integer> CARD_FIELDS = Set.of(Iso8583Dialect.PAN, Iso8583Dialect.TRACK2);

    private CardDataMasking() {
    }

    public static String describe(Iso8583Message message) {
        StringBuilder out = new StringBuilder("ISO8583[").append(message.mti());
        for (Map.Entry<Integer, String> field : message.fields().entrySet()) {
            out.append(' ').append(field.getKey()).append('=').append(maskedValue(field.getKey(), field.getValue()));
        }
        return out.append(']').toString();
    }

    static String maskedValue(int field, String value) {
        if (CARD_FIELDS.contains(field)) {
            return maskCardNumber(value);
        }
        if (isOpaque(field)) {
            return "<" + value.length() + " chars>";
        }
        return value;
    }

    /**
     * Fields the hub skips hold what it does not control (free text, PIN block, track 1 and 3, EMV data that
     * may carry the card number): only their length is shown. The reader never keeps them; this covers
     * messages built by the simulator.
     */
    private static boolean isOpaque(int field) {
        return Iso8583Dialect.field(field).map(FieldSpec::skipped).orElse(true);
    }

    /** Everything but the last four digits of the card number replaced; for track 2, only the card number part is kept. */
    public static String maskCardNumber(String panOrTrack2) {
        String pan = panOrTrack2;
        int separator = indexOfSeparator(panOrTrack2);
        if (separator >= 0) {
            pan = panOrTrack2.substring(0, separator);
        }
        if (pan.length() <= 4) {
            return "*".repeat(pan.length());
        }
        return "*".repeat(pan.length() - 4) + pan.substring(pan.length() - 4) + (separator >= 0 ? "=***" : "");
    }

    private static int indexOfSeparator(String track2) {
        for (int i = 0; i < track2.length(); i++) {
            char c = track2.charAt(i);
            if (c == '=' || c == 'D') {
                return i;
            }
        }
        return -1;
    }
}
