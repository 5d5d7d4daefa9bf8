package io.loyaltyhub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.cli.HubExtensions;
import io.loyaltyhub.hub.csv.CsvBatchChannel;
import io.loyaltyhub.hub.poslog.PosLogChannel;
import io.loyaltyhub.hub.poslog.PosLogChannelSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each channel reads its settings typed, once, and refuses a bad value naming the setting. */
class ChannelSettingsTest {

    @Test
    void everyChannelAcceptsTheDefaults() {
        HubSettings defaults = HubSettings.load(null, Map.of("hub.iso8583.listeners", "binary-2:0"));
        HubExtensions.all().forEach(channel -> channel.checkSettings(defaults));
        PosLogChannelSettings posLog = PosLogChannelSettings.from(defaults);
        assertThat(posLog.defaults().localTimeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(posLog.replyTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aBadValueIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> new CsvBatchChannel().checkSettings(HubSettings.load(null, Map.of("hub.csv.window", "0"))))
                .hasMessage("setting hub.csv.window must be at least 1, not 0");
        assertThatThrownBy(() -> new PosLogChannel().checkSettings(HubSettings.load(null, Map.of("hub.poslog.local-zone", "Mars/Olympus"))))
                .hasMessageContaining("hub.poslog.local-zone").hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> new PosLogChannel().checkSettings(HubSettings.load(null, Map.of("hub.poslog.default-currency", "EURO"))))
                .hasMessageStartingWith("setting hub.poslog.default-currency:");
        assertThatThrownBy(() -> HubSettings.load(null, Map.of("hub.http.signing-required", "ture")).flag("hub.http.signing-required"))
                .hasMessage("setting hub.http.signing-required must be true or false, not 'ture'");
        assertThatThrownBy(() -> HubSettings.load(null, Map.of("hub.swipe.reply-timeout-ms", "-1")).millis("hub.swipe.reply-timeout-ms"))
                .hasMessage("setting hub.swipe.reply-timeout-ms must not be negative, not -1");
    }
}
