package io.loyaltyhub.hub.iso8583;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.adapters.iso8583.Framing;
import io.loyaltyhub.hub.config.HubSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Iso8583SettingsTest {

    @Test
    void noListenerUnlessTheOperatorNamesOne() {
        assertThat(Iso8583Settings.listeners(HubSettings.load(null, Map.of()))).isEmpty();
    }

    @Test
    void eachEntryIsAListenerWithItsOwnFramingAndPort() {
        var listeners = Iso8583Settings.listeners(HubSettings.load(null, Map.of(
                "hub.iso8583.listeners", "binary-2:8583, ascii-4:8584",
                "hub.iso8583.host", "10.1.2.3",
                "hub.iso8583.mac-required", "true",
                "hub.swipe.reply-timeout-ms", "2500")));

        assertThat(listeners).extracting(Iso8583ListenerSettings::name).containsExactly("binary-2-8583", "ascii-4-8584");
        assertThat(listeners).extracting(Iso8583ListenerSettings::framing).containsExactly(Framing.BINARY_2, Framing.ASCII_4);
        assertThat(listeners).allSatisfy(l -> {
            assertThat(l.host()).isEqualTo("10.1.2.3");
            assertThat(l.macRequired()).isTrue();
            assertThat(l.answerTimeout()).isEqualTo(Duration.ofMillis(2500));
            assertThat(l.idleTimeout()).isEqualTo(Duration.ofSeconds(300));
            assertThat(l.maxMessageLength()).isEqualTo(8192);
        });
    }

    @Test
    void aMistypedListenerIsAnErrorThatSaysWhatIsExpected() {
        assertThatThrownBy(() -> Iso8583Settings.listeners(HubSettings.load(null, Map.of("hub.iso8583.listeners", "8583"))))
                .hasMessageContaining("framing:port");
        assertThatThrownBy(() -> Iso8583Settings.listeners(HubSettings.load(null, Map.of("hub.iso8583.listeners", "binary-4:8583"))))
                .hasMessageContaining("binary-2 or ascii-4");
    }

    @Test
    void theSameListenerTwiceIsRefusedSoTwoOnPortZeroCannotShareAName() {
        assertThat(Iso8583Settings.listeners(HubSettings.load(null, Map.of("hub.iso8583.listeners", "binary-2:0,ascii-4:0"))))
                .extracting(Iso8583ListenerSettings::port).containsExactly(0, 0);
        assertThatThrownBy(() -> Iso8583Settings.listeners(HubSettings.load(null, Map.of("hub.iso8583.listeners",
                "binary-2:0, binary-2:0")))).hasMessageContaining("names binary-2:0 twice");
    }

    @Test
    void anIdleTimeoutShorterThanTheReplyTimeoutIsRefused() {
        assertThatThrownBy(() -> Iso8583Settings.listeners(HubSettings.load(null, Map.of(
                "hub.iso8583.listeners", "binary-2:8583",
                "hub.iso8583.idle-timeout-seconds", "2",
                "hub.swipe.reply-timeout-ms", "3000"))))
                .hasMessageContaining("idle timeout must be longer than the answer timeout");
    }
}
