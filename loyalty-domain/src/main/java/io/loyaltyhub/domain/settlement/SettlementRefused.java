package io.loyaltyhub.domain.settlement;

/** A settlement operation refused with a stable code the operator or merchant can act on; nothing was changed. */
public final class SettlementRefused extends RuntimeException {
    private final String code;

    public SettlementRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The stable, kebab-case code (docs/settlement.md lists them). */
    public String code() {
        return code;
    }
}
