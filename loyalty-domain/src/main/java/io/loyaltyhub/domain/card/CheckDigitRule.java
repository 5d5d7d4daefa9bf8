package io.loyaltyhub.domain.card;

/** How a card programme protects its numbers against typos. */
public enum CheckDigitRule {
    LUHN {
        @Override
        public boolean accepts(CharSequence digits) {
            int sum = 0;
            boolean doubleIt = false;
            for (int i = digits.length() - 1; i >= 0; i--) {
                int d = digits.charAt(i) - '0';
                if (doubleIt) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
                doubleIt = !doubleIt;
            }
            return sum % 10 == 0;
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
