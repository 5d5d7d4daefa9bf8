package io.loyaltyhub.hub.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardNumberMaskingTest {

    @Test
    void cardShapedNumbersAreReducedToTheirLastFour() {
        assertThat(CardNumberMasking.mask("card 6280000000001238 declined")).isEqualTo("card ****1238 declined");
        assertThat(CardNumberMasking.mask("pan=4111-1111-1111-1111;")).isEqualTo("pan=****1111;");
        assertThat(CardNumberMasking.mask("ncr 4000000000000000000012345 ok")).isEqualTo("ncr ****2345 ok");
    }

    @Test
    void ordinaryNumbersAreLeftAlone() {
        assertThat(CardNumberMasking.mask("batch of 200 in 35 ms, id 123456789")).isEqualTo("batch of 200 in 35 ms, id 123456789");
    }
}
