package io.loyaltyhub.domain.model;

/** The tenant. Resolved once at the edge (from a credential) and passed explicitly; never defaulted. */
public record MerchantId(long value) {
    public MerchantId {
        if (value <= 0) {
            throw new IllegalArgumentException("merchant id must be positive");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
