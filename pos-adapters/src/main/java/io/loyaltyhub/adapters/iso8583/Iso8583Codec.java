package io.loyaltyhub.adapters.iso8583;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Bytes of one message (without the frame's length header) to {@link Iso8583Message} and back, in the
 * layout of {@link Iso8583Dialect}. Strict on reading the fields the hub uses: every byte must belong
 * to a field, a used field must hold the right characters in the right length, and nothing may follow
 * the last field. Skipped fields are stepped over by their length and left out of the message read.
 */
public final class Iso8583Codec {

    private static final int MTI_LENGTH = 4;
    private static final int BITMAP_HEX_LENGTH = 16;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** Fields that are copied to the readable part of a malformed message so its 30 answer can be matched by the terminal. */
    private static final Set<Integer> IDENTIFYING_FIELDS = Set.of(
            Iso8583Dialect.PROCESSING_CODE, Iso8583Dialect.TRANSMISSION_DATE_TIME, Iso8583Dialect.STAN,
            Iso8583Dialect.RETRIEVAL_REFERENCE, Iso8583Dialect.TERMINAL_ID, Iso8583Dialect.MERCHANT_ID);

    public byte[] encode(Iso8583Message message) {
        return encode(message, false);
    }

    /**
     * The bytes a MAC is computed over: the message as sent, with bit 64 set in the bitmap but without
     * field 64's own sixteen characters.
     */
    public byte[] macInput(Iso8583Message message) {
        return encode(message.with(Iso8583Dialect.MAC, "0".repeat(16)), true);
    }

    public Iso8583Message decode(byte[] bytes) throws MalformedMessageException {
        return new Reader(bytes).read();
    }

    /**
     * The MAC input of a received message, from its bytes exactly as received (so a terminal that sends
     * lower-case hex in its bitmap is verified over what it signed, not over our re-encoding).
     */
    public byte[] macInput(byte[] received) throws MalformedMessageException {
        Reader reader = new Reader(received);
        reader.read();
        if (reader.macStart < 0) {
            throw new MalformedMessageException("field 64 is absent", null);
        }
        byte[] input = new byte[received.length - 16];
        System.arraycopy(received, 0, input, 0, reader.macStart);
        System.arraycopy(received, reader.macStart + 16, input, reader.macStart, received.length - reader.macStart - 16);
        return input;
    }

    private byte[] encode(Iso8583Message message, boolean omitMacData) {
        Map<Integer, String> fields = message.fields();
        boolean secondary = fields.keySet().stream().anyMatch(n -> n > 64);
        long primary = 0;
        long secondaryBits = 0;
        for (int number : fields.keySet()) {
            if (number <= 64) {
                primary |= 1L << (64 - number);
            } else {
                secondaryBits |= 1L << (128 - number);
            }
        }
        if (secondary) {
            primary |= 1L << 63;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        writeAscii(out, message.mti());
        writeAscii(out, hex(primary));
        if (secondary) {
            writeAscii(out, hex(secondaryBits));
        }
        for (Map.Entry<Integer, String> field : fields.entrySet()) {
            FieldSpec spec = Iso8583Dialect.field(field.getKey())
                    .orElseThrow(() -> new IllegalArgumentException("field " + field.getKey() + " is not part of the dialect"));
            if (omitMacData && spec.number() == Iso8583Dialect.MAC) {
                continue;
            }
            writeAscii(out, wireForm(spec, field.getValue()));
        }
        return out.toByteArray();
    }

    private static String wireForm(FieldSpec spec, String value) {
        if (!spec.accepts(value)) {
            throw new IllegalArgumentException("field " + spec.number() + " holds characters its type does not allow");
        }
        if (value.length() > spec.maxLength()) {
            throw new IllegalArgumentException("field " + spec.number() + " is longer than " + spec.maxLength());
        }
        return switch (spec.length()) {
            case FIXED -> spec.padsLeftWithZeros()
                    ? "0".repeat(spec.maxLength() - value.length()) + value
                    : value + " ".repeat(spec.maxLength() - value.length());
            case LL -> ZeroPadded.of(value.length(), 2) + value;
            case LLL -> ZeroPadded.of(value.length(), 3) + value;
        };
    }

    /** Every field's characters are checked against its type first; only a skipped field's may lie beyond ASCII (raw EMV data). */
    private static void writeAscii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String hex(long bits) {
        char[] chars = new char[16];
        for (int i = 15; i >= 0; i--) {
            chars[i] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
        }
        return new String(chars);
    }

    /** One pass over received bytes; remembers where field 64's data starts for MAC verification. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;
        private String mti;
        private final Map<Integer, String> identifying = new TreeMap<>();
        private int macStart = -1;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        Iso8583Message read() throws MalformedMessageException {
            if (bytes.length < MTI_LENGTH) {
                throw new MalformedMessageException("message is shorter than an MTI", null);
            }
            String candidate = ascii(0, MTI_LENGTH);
            if (candidate == null || !candidate.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new MalformedMessageException("MTI is not four digits", null);
            }
            mti = candidate;
            position = MTI_LENGTH;
            long primary = bitmap("primary");
            long secondary = (primary & (1L << 63)) != 0 ? bitmap("secondary") : 0;
            Map<Integer, String> fields = new TreeMap<>();
            for (int number = 2; number <= 128; number++) {
                boolean present = number <= 64
                        ? (primary & (1L << (64 - number))) != 0
                        : (secondary & (1L << (128 - number))) != 0;
                if (present) {
                    String value = field(number);
                    if (value != null) {
                        fields.put(number, value);
                    }
                    if (value != null && IDENTIFYING_FIELDS.contains(number)) {
                        identifying.put(number, value);
                    }
                }
            }
            if (position != bytes.length) {
                throw fault((bytes.length - position) + " bytes follow the last field");
            }
            return new Iso8583Message(mti, fields);
        }

        private long bitmap(String which) throws MalformedMessageException {
            String hex = take(BITMAP_HEX_LENGTH, which + " bitmap");
            long bits = 0;
            for (int i = 0; i < hex.length(); i++) {
                int digit = Character.digit(hex.charAt(i), 16);
                if (digit < 0) {
                    throw fault(which + " bitmap is not hexadecimal");
                }
                bits = (bits << 4) | digit;
            }
            return bits;
        }

        /** The field's value, or null for a skipped field (its bytes are passed over, not read). */
        private String field(int number) throws MalformedMessageException {
            FieldSpec spec = Iso8583Dialect.field(number)
                    .orElseThrow(() -> fault("field " + number + " is not part of the dialect"));
            int length = spec.maxLength();
            if (spec.length() != FieldSpec.Length.FIXED) {
                String prefix = take(spec.length().prefixDigits(), "length of field " + number);
                if (!prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw fault("length of field " + number + " is not decimal");
                }
                length = Integer.parseInt(prefix);
                if (length > spec.maxLength()) {
                    throw fault("field " + number + " is longer than " + spec.maxLength());
                }
            }
            if (number == Iso8583Dialect.MAC) {
                macStart = position;
            }
            if (spec.skipped()) {
                skip(length, "field " + number);
                return null;
            }
            String value = take(length, "field " + number);
            if (!spec.accepts(value)) {
                throw fault("field " + number + " holds characters its type does not allow");
            }
            return value;
        }

        private void skip(int length, String what) throws MalformedMessageException {
            if (position + length > bytes.length) {
                throw fault(what + " is cut short");
            }
            position += length;
        }

        private String take(int length, String what) throws MalformedMessageException {
            if (position + length > bytes.length) {
                throw fault(what + " is cut short");
            }
            String text = ascii(position, length);
            if (text == null) {
                throw fault(what + " is not ASCII");
            }
            position += length;
            return text;
        }

        /** The bytes as text, or null if any is outside 7-bit ASCII (a UTF-8 decoder would silently replace them). */
        private String ascii(int from, int length) {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) {
                byte b = bytes[from + i];
                if (b < 0) {
                    return null;
                }
                chars[i] = (char) b;
            }
            return new String(chars);
        }

        private MalformedMessageException fault(String reason) {
            return new MalformedMessageException(reason, new Iso8583Message(mti, identifying));
        }
    }
}
