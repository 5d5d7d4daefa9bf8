package io.loyaltyhub.adapters.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the fuzz tests demand of every refusal a decoder gives: a stable code in kebab case, a human text, and no
 * card data in that text (no run of 12 or more digits that the input held: card numbers are 12-19 digits long).
 */
public final class CodedRefusal {

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CARD_LIKE = Pattern.compile("[0-9]{12,}");

    private CodedRefusal() {
    }

    public static void assertCoded(String code, String text, byte[] input) {
        assertThat(code).as("refusal code").isNotNull().matches(CODE);
        assertThat(text).as("refusal text of %s", code).isNotBlank();
        assertQuotesNoCardData(text, input);
    }

    /** {@code text} holds no digit run of 12 or more that {@code input} holds. */
    public static void assertQuotesNoCardData(String text, byte[] input) {
        if (text == null) {
            return;
        }
        Matcher digits = CARD_LIKE.matcher(new String(input, StandardCharsets.ISO_8859_1));
        while (digits.find()) {
            // Any 12 consecutive digits of the run would be a leak; checking the first 12 of each window is enough.
            String run = digits.group();
            for (int i = 0; i + 12 <= run.length(); i++) {
                assertThat(text).as("refusal text").doesNotContain(run.substring(i, i + 12));
            }
        }
    }
}
