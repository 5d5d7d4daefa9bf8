package io.loyaltyhub.domain.model;

public record StoreId(long value) {
    public StoreId {
        if (value <= 0) {
            throw new IllegalArgumentException("store id must be positive");
        }
    }
}
