package io.loyaltyhub.adapters.iso8583;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One ISO 8583 message: its message type indicator and its data elements as text, by field number.
 * Immutable. {@link #toString()} masks card data, so a message may be logged as it is.
 */
public final class Iso8583Message {

    private static final Pattern MTI = Pattern.compile("[0-9]{4}");

    private final String mti;
    private final SortedMap<Integer, String> fields;

    public Iso8583Message(String mti, Map<Integer, String> fields) {
        if (mti == null || !MTI.matcher(mti).matches()) {
            throw new IllegalArgumentException("MTI must be four digits");
        }
        this.mti = mti;
        this.fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    }

    public static Iso8583Message of(String mti) {
        return new Iso8583Message(mti, Map.of());
    }

    public String mti() {
        return mti;
    }

    public SortedMap<Integer, String> fields() {
        return fields;
    }

    public boolean has(int field) {
        return fields.containsKey(field);
    }

    public Optional<String> field(int field) {
        return Optional.ofNullable(fields.get(field));
    }

    public Iso8583Message with(int field, String value) {
        if (value == null) {
            return without(field);
        }
        SortedMap<Integer, String> copy = new TreeMap<>(fields);
        copy.put(field, value);
        return new Iso8583Message(mti, copy);
    }

    public Iso8583Message without(int field) {
        SortedMap<Integer, String> copy = new TreeMap<>(fields);
        copy.remove(field);
        return new Iso8583Message(mti, copy);
    }

    public Iso8583Message withMti(String newMti) {
        return new Iso8583Message(newMti, fields);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Iso8583Message other && mti.equals(other.mti) && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return mti.hashCode() * 31 + fields.hashCode();
    }

    /** Card data masked; safe to log. */
    @Override
    public String toString() {
        return CardDataMasking.describe(this);
    }
}
