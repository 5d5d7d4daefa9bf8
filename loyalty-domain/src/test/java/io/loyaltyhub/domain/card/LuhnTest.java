package io.loyaltyhub.domain.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LuhnTest {

    @Test
    void publishedExamplesCheckAndTheirCheckDigitIsFound() {
        // ISO/IEC 7812 worked example and well-known test card numbers.
        assertThat(Luhn.isValid("79927398713")).isTrue();
        assertThat(Luhn.checkDigit("7992739871")).isEqualTo('3');
        assertThat(Luhn.isValid("4111111111111111")).isTrue();
        assertThat(Luhn.checkDigit("411111111111111")).isEqualTo('1');
        assertThat(Luhn.isValid("6280000000001238")).isTrue();
    }

    @Test
    void exactlyOneDigitCompletesABodyAndAnyOtherSingleDigitChangeIsCaught() {
        String body = "628000123456789";
        char check = Luhn.checkDigit(body);
        for (char d = '0'; d <= '9'; d++) {
            assertThat(Luhn.isValid(body + d)).as("check digit " + d).isEqualTo(d == check);
        }
        String valid = body + check;
        for (int i = 0; i < valid.length(); i++) {
            char original = valid.charAt(i);
            char changed = (char) ('0' + (original - '0' + 1) % 10);
            assertThat(Luhn.isValid(valid.substring(0, i) + changed + valid.substring(i + 1))).as("digit %d changed", i).isFalse();
        }
        assertThat(CheckDigitRule.LUHN.accepts(valid)).isTrue();
        assertThat(CheckDigitRule.NONE.accepts(body + (char) ('0' + (check - '0' + 1) % 10))).isTrue();
    }
}
