package io.loyaltyhub.adapters.iso8583;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoyaltyDataTest {

    @Test
    void readsBackWhatItWrites() {
        LoyaltyData data = LoyaltyData.completed(-40, 960, true);

        assertThat(data.format()).isEqualTo("PE003-40PB003960ST001C");
        assertThat(LoyaltyData.parse(data.format()).number(LoyaltyData.POINTS_CHANGE)).hasValue(-40);
        assertThat(LoyaltyData.parse(data.format()).number(LoyaltyData.POINTS_BALANCE)).hasValue(960);
    }

    @Test
    void unknownTagsAreKept() {
        assertThat(LoyaltyData.parse("XX002abRP003500").element("XX")).contains("ab");
        assertThat(LoyaltyData.parse("XX002abRP003500").number(LoyaltyData.REDEEM_POINTS)).hasValue(500);
    }

    @Test
    void elementsThatRunPastTheEndAreRefused() {
        assertThatThrownBy(() -> LoyaltyData.parse("RP009500")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoyaltyData.parse("RP0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoyaltyData.parse("rp003500")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNonNumericValueIsNoNumber() {
        assertThat(LoyaltyData.parse("RP003abc").number(LoyaltyData.REDEEM_POINTS)).isEmpty();
    }
}
