package io.loyaltyhub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.csv.CsvBatchChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every channel's settings are checked before the hub opens its database, keystore or broker. */
@Slow
class BadSettingStopsTheStartTest {

    @Test
    void aBadChannelSettingStopsTheStartBeforeTheDatabaseIsOpened(@TempDir Path dataDir) {
        HubSettings settings = HubSettings.load(null, Map.of("hub.data-dir", dataDir.toString(), "hub.http.port", "0",
                "hub.broker.embedded.port", "0", "hub.csv.window", "0"));

        assertThatThrownBy(() -> LoyaltyHub.start(settings, List.of(new CsvBatchChannel())))
                .hasMessage("setting hub.csv.window must be at least 1, not 0");
        assertThat(Files.exists(dataDir.resolve("db"))).as("nothing was opened").isFalse();
        assertThat(Files.exists(dataDir.resolve("broker"))).as("no broker was started").isFalse();
    }
}
