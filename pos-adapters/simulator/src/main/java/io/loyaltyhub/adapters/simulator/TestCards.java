package io.loyaltyhub.adapters.simulator;

import io.loyaltyhub.domain.card.Luhn;

/** Card numbers for simulations: a prefix, a serial, and a Luhn check digit. */
public final class TestCards {
    private TestCards() {
    }

    public static String luhnCard(String prefix, int length, long serial) {
        String body = prefix + String.format("%0" + (length - 1 - prefix.length()) + "d", serial);
        return body + Luhn.checkDigit(body);
    }
}
