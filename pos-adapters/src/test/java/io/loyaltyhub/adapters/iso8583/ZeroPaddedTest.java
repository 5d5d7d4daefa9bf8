package io.loyaltyhub.adapters.iso8583;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ZeroPaddedTest {

    @Test
    void padsToTheWidthAndLeavesLongerNumbersWhole() {
        assertThat(ZeroPadded.of(7, 3)).isEqualTo("007");
        assertThat(ZeroPadded.of(0, 2)).isEqualTo("00");
        assertThat(ZeroPadded.of(123456, 6)).isEqualTo("123456");
        assertThat(ZeroPadded.of(1234, 3)).isEqualTo("1234");
        assertThatThrownBy(() -> ZeroPadded.of(-1, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
