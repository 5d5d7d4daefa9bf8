package io.loyaltyhub.adapters.simulator;

import io.loyaltyhub.domain.card.CheckDigitRule;

/** Card numbers for simulations: a prefix, a serial, and a Luhn check digit. */
public final class TestCards {
    private TestCards() {
    }

    public static String luhnCard(String prefix, int length, long serial) {
        String body = prefix + String.format("%0" + (length - 1 - prefix.length()) + "d", serial);
        for (int d = 0; d <= 9; d++) {
            String candidate = body + d;
            if (CheckDigitRule.LUHN.accepts(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no Luhn digit");
    }
}
