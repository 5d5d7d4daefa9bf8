package io.loyaltyhub.adapters.iso8583;

/**
 * How one data element is laid out on the wire in the ASCII 1987 dialect: what characters it may hold,
 * whether its length is fixed or given by a two/three digit ASCII prefix, and its (maximum) length.
 *
 * <p>A field the hub has no use for is {@linkplain #skipped() skipped}: the reader steps over it by its
 * length and keeps nothing of it, so its content is neither checked nor passed on (a PIN block or the
 * EMV data of field 55, which may hold the card number, goes no further than the reader).
 */
public record FieldSpec(int number, Content content, Length length, int maxLength, String name, boolean skipped) {

    /** What characters a field may carry. */
    public enum Content {
        /** n: digits only. */
        NUMERIC,
        /** an: letters, digits and space (space because fixed an fields are space padded). */
        ALPHANUMERIC,
        /** ans: any printable ASCII character. */
        PRINTABLE,
        /** z (track 2): digits plus the field separator '=' or 'D'. */
        TRACK2,
        /** b rendered as hex characters, as the ASCII packagers do for the MAC and PIN block. */
        HEX,
        /** Any byte: the content of a skipped field, which the hub never looks at. */
        ANY
    }

    /** How the length is known. */
    public enum Length {
        FIXED(0), LL(2), LLL(3);

        private final int prefixDigits;

        Length(int prefixDigits) {
            this.prefixDigits = prefixDigits;
        }

        public int prefixDigits() {
            return prefixDigits;
        }
    }

    public FieldSpec {
        if (number < 2 || number > 128) {
            throw new IllegalArgumentException("field number must be 2..128");
        }
        if (maxLength < 1 || (length == Length.LL && maxLength > 99) || (length == Length.LLL && maxLength > 999)) {
            throw new IllegalArgumentException("field " + number + " has a maximum length its prefix cannot express");
        }
    }

    public static FieldSpec fixed(int number, Content content, int length, String name) {
        return new FieldSpec(number, content, Length.FIXED, length, name, false);
    }

    public static FieldSpec llvar(int number, Content content, int maxLength, String name) {
        return new FieldSpec(number, content, Length.LL, maxLength, name, false);
    }

    public static FieldSpec lllvar(int number, Content content, int maxLength, String name) {
        return new FieldSpec(number, content, Length.LLL, maxLength, name, false);
    }

    /** A fixed-length field the hub steps over. */
    public static FieldSpec skippedFixed(int number, int length, String name) {
        return new FieldSpec(number, Content.ANY, Length.FIXED, length, name, true);
    }

    /**
     * A variable-length field the hub steps over: its prefix says how many bytes follow, up to what the
     * prefix can express (the hub does not police the maximum of a field it does not use).
     */
    public static FieldSpec skippedVariable(int number, Length length, String name) {
        return new FieldSpec(number, Content.ANY, length, length == Length.LL ? 99 : 999, name, true);
    }

    /** Whether every character of {@code value} is allowed in this field. */
    public boolean accepts(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            if (!accepts(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean accepts(char c) {
        return switch (content) {
            case NUMERIC -> c >= '0' && c <= '9';
            case ALPHANUMERIC -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ';
            case PRINTABLE -> c >= 0x20 && c <= 0x7e;
            case TRACK2 -> (c >= '0' && c <= '9') || c == '=' || c == 'D';
            case HEX -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
            case ANY -> c <= 0xff;
        };
    }

    /** The character used to fill a short value of a fixed-length field: numbers are right-justified with zeros. */
    boolean padsLeftWithZeros() {
        return content == Content.NUMERIC;
    }
}
