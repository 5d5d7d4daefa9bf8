package io.loyaltyhub.domain.card;

/** A family of card numbers the operator issues: fixed length, fixed prefix, a check-digit rule. */
public record CardProgramme(long id, String name, String prefix, int length, CheckDigitRule checkDigit) {
    public CardProgramme {
        if (prefix == null || !prefix.matches("[0-9]{1,12}")) {
            throw new IllegalArgumentException("programme prefix must be 1-12 digits");
        }
        if (length < 8 || length > 32 || length <= prefix.length() + 4) {
            throw new IllegalArgumentException("programme length must be 8-32 digits and longer than the prefix plus 4");
        }
    }

    public boolean matchesShape(CharSequence digits) {
        return digits.length() == length && digits.toString().startsWith(prefix);
    }
}
