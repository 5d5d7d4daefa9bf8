package io.loyaltyhub.domain.model;

import java.util.regex.Pattern;

/** A terminal's own reference for a transaction; unique per terminal and type. */
public record TxnRef(String value) {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");

    public TxnRef {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("txnRef must be 1-64 characters of A-Z a-z 0-9 . _ : / -");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
