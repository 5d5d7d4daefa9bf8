package io.loyaltyhub.adapters.csv;

/** Card numbers for simulated tills: a programme's prefix, a serial, and (for Luhn programmes) the check digit. */
public final class SimulatedCardNumbers {

    private SimulatedCardNumbers() {
    }

    public static String number(String prefix, int length, boolean luhn, long serial) {
        int serialDigits = length - prefix.length() - (luhn ? 1 : 0);
        String body = prefix + String.format("%0" + serialDigits + "d", serial);
        if (body.length() != length - (luhn ? 1 : 0)) {
            throw new IllegalArgumentException("serial " + serial + " does not fit a " + length + "-digit number");
        }
        return luhn ? body + luhnDigit(body) : body;
    }

    static char luhnDigit(String body) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (doubleIt) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
