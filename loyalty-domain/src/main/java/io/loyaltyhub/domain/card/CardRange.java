package io.loyaltyhub.domain.card;

/**
 * An issued range of one programme: every number from {@code firstNumber} to {@code lastNumber}
 * (equal-length digit strings, compared as such) may be activated at its first swipe.
 */
public record CardRange(long id, long programmeId, String firstNumber, String lastNumber) {
    public CardRange {
        if (firstNumber.length() != lastNumber.length() || firstNumber.compareTo(lastNumber) > 0) {
            throw new IllegalArgumentException("range bounds must have equal length and first <= last");
        }
    }

    public boolean contains(CharSequence digits) {
        String number = digits.toString();
        return number.length() == firstNumber.length()
                && number.compareTo(firstNumber) >= 0 && number.compareTo(lastNumber) <= 0;
    }
}
