package io.loyaltyhub.adapters;

/**
 * Bad input from a terminal: a stable, documented code plus a human explanation. Channels map it to
 * their own protocol (problem+json, ISO 8583 field 39, a CSV result line). Never carries card data.
 */
public class InputRejected extends RuntimeException {
    private final String code;

    public InputRejected(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
