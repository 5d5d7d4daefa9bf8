package io.loyaltyhub.domain.card;

/**
 * The Luhn (mod 10) check digit of ISO/IEC 7812 card numbers: the hub's one implementation, used to check presented
 * numbers ({@link CheckDigitRule#LUHN}) and to make valid ones (issued ranges, simulators, tests). Digits only: callers
 * check the format first.
 */
public final class Luhn {
    private Luhn() {
    }

    /** Whether the last digit of {@code digits} is the Luhn check digit of the ones before it. */
    public static boolean isValid(CharSequence digits) {
        return sum(digits, false) % 10 == 0;
    }

    /** The digit that, appended to {@code body}, makes a valid number. */
    public static char checkDigit(CharSequence body) {
        return (char) ('0' + (10 - sum(body, true) % 10) % 10);
    }

    /** Sum of the digits from the right, every second one doubled (less 9 when over 9), starting with the rightmost when {@code doubleFirst}. */
    private static int sum(CharSequence digits, boolean doubleFirst) {
        int sum = 0;
        boolean doubleIt = doubleFirst;
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
        return sum;
    }
}
