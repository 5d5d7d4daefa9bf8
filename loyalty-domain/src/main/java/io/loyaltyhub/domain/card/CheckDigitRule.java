package io.loyaltyhub.domain.card;

/** How a card programme protects its numbers against typos. */
public enum CheckDigitRule {
    LUHN {
        @Override
        public boolean accepts(CharSequence digits) {
            return Luhn.isValid(digits);
        }
    },
    /** Membership ids with no check digit (e.g. 25-digit NCR loyalty ids). */
    NONE {
        @Override
        public boolean accepts(CharSequence digits) {
            return true;
        }
    };

    public abstract boolean accepts(CharSequence digits);
}
