package io.loyaltyhub.adapters.iso8583;

import static io.loyaltyhub.adapters.iso8583.Iso8583CodecTest.PAN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardDataMaskingTest {

    @Test
    void aMessageLogsWithTheCardNumberReducedToItsLastFourDigits() {
        Iso8583Message message = Iso8583Message.of("0200").with(2, PAN).with(35, PAN + "=29121010000").with(11, "000123");

        assertThat(message.toString())
                .doesNotContain(PAN)
                .doesNotContain("2912101")
                .contains("2=************7895")
                .contains("35=************7895=***")
                .contains("11=000123");
    }

    @Test
    void freeTextFieldsAreNotLoggedAtAll() {
        assertThat(Iso8583Message.of("0200").with(48, "anything " + PAN).toString())
                .doesNotContain(PAN)
                .contains("48=<25 chars>");
    }

    @Test
    void aTrack2WithTheAlternativeSeparatorIsMaskedToo() {
        assertThat(CardDataMasking.maskCardNumber(PAN + "D2912")).isEqualTo("************7895=***");
    }
}
