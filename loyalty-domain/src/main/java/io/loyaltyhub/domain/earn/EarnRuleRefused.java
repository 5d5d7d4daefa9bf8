package io.loyaltyhub.domain.earn;

/**
 * A campaign or tier the operator or a merchant tried to add, refused with a stable {@code code} (the CLI prints it):
 * {@code invalid-multiplier}, {@code invalid-bonus}, {@code invalid-period}, {@code invalid-campaign},
 * {@code campaign-overlap}, {@code campaign-code-taken}, {@code invalid-tier}. Nothing was added.
 */
public final class EarnRuleRefused extends RuntimeException {
    private final String code;

    public EarnRuleRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
