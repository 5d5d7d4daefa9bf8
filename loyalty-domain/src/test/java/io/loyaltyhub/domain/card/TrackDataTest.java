package io.loyaltyhub.domain.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackDataTest {
    private static final String PAN = "6280000000001238";

    @Test
    void track2WithSentinelsGivesOnlyTheCardNumber() {
        assertThat(TrackData.panOfTrack2(";" + PAN + "=29121010000012345678?")).isEqualTo(PAN);
        assertThat(TrackData.panOfTrack2(";" + PAN + "=29121010000012345678?5")).isEqualTo(PAN);
    }

    @Test
    void isoField35WithoutSentinelsAndEitherSeparator() {
        assertThat(TrackData.panOfTrack2(PAN + "=2912101")).isEqualTo(PAN);
        assertThat(TrackData.panOfTrack2(PAN + "D2912101000")).isEqualTo(PAN);
    }

    @Test
    void track1GivesTheCardNumberAndDropsTheName() {
        assertThat(TrackData.panOfTrack1("%B" + PAN + "^DOE/JANE^2912101000000000000000?")).isEqualTo(PAN);
        assertThat(TrackData.panOfTrack("B6280 0000 0000 1238^DOE/JANE^2912101")).isEqualTo(PAN);
        assertThat(TrackData.panOfTrack(";" + PAN + "=2912101?")).isEqualTo(PAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "6280000000001238", ";6280000000001238?", "%A6280000000001238^X^2912?",
            "%B6280000000001238^NO SECOND CARET", ";62800000X0001238=2912?", ";1234=2912?",
            ";6280000000001238=29AB?", ";6280000000001238=2912?LRC-TOO-LONG", "%B62800000000012381234567^N^2912?"})
    void anythingElseIsRefusedWithACodeAndWithoutTheTrack(String track) {
        assertThatThrownBy(() -> TrackData.panOfTrack(track))
                .isInstanceOfSatisfying(InvalidCardNumberException.class, e -> {
                    assertThat(e.reason().code()).isEqualTo("track-data-format");
                    assertThat(e.getMessage()).doesNotContain("628000");
                });
    }
}
