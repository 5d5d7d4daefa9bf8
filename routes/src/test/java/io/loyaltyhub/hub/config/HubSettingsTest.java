package io.loyaltyhub.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.persistence.IdSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubSettingsTest {

    @Test
    void aNodeNumberAboveTheRangeIsRefusedNamingTheSettingAndEachSourceOfANodeMakesItsOwnIds() {
        HubSettings node7 = HubSettings.load(null, Map.of("hub.node-id", "7"));

        assertThatThrownBy(() -> HubSettings.load(null, Map.of("hub.node-id", "600")).ids(IdSource.HUB))
                .hasMessageContaining("hub.node-id").hasMessageContaining("between 0 and 511");
        assertThat(node7.ids(IdSource.HUB).nextId() >> 12 & 1023).isEqualTo(7);
        assertThat(node7.ids(IdSource.COMMAND_LINE).nextId() >> 12 & 1023).isEqualTo(512 + 7);
    }

    @Test
    void defaultsThenFileThenOverrides(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hub.properties");
        Files.writeString(file, "hub.http.port=9000\nhub.engine.batch-size=50\n");

        HubSettings s = HubSettings.load(file, Map.of("hub.engine.batch-size", "75"));

        assertThat(s.integer("hub.http.port")).isEqualTo(9000);
        assertThat(s.integer("hub.engine.batch-size")).isEqualTo(75);
        assertThat(s.embeddedDatabase()).isTrue();
        assertThat(s.embeddedBroker()).isTrue();
    }

    @Test
    void aMisspeltSettingIsAnErrorNotSilentlyIgnored() {
        assertThatThrownBy(() -> HubSettings.load(null, Map.of("hub.http.prot", "1")))
                .hasMessageContaining("unknown setting hub.http.prot");
        assertThatThrownBy(() -> HubSettings.load(null, Map.of("hub.http.port", "eighty")).integer("hub.http.port"))
                .hasMessageContaining("must be a whole number");
    }

    @Test
    void aMisspeltSettingSuggestsTheClosestNameInsteadOfListingThemAll() {
        assertThatThrownBy(() -> HubSettings.load(null, Map.of("hub.http.prot", "1")))
                .hasMessage("unknown setting hub.http.prot; did you mean hub.http.port?");
        assertThatThrownBy(() -> HubSettings.load(null, Map.of("hub.swipe.reply-timeout", "1")))
                .hasMessage("unknown setting hub.swipe.reply-timeout; did you mean hub.swipe.reply-timeout-ms?");
        assertThatThrownBy(() -> HubSettings.load(null, Map.of("hub.brokr.mqt.port", "1")))
                .hasMessage("unknown setting hub.brokr.mqt.port; did you mean hub.broker.mqtt.port?");
        assertThatThrownBy(() -> HubSettings.load(null, Map.of("hub.something-else-entirely", "1")))
                .hasMessage("unknown setting hub.something-else-entirely; every setting is listed in the README's Configuration table");
    }

    @Test
    void environmentNamesFollowTheKeys() {
        assertThat(HubSettings.environmentName("hub.swipe.reply-timeout-ms")).isEqualTo("HUB_SWIPE_REPLY_TIMEOUT_MS");
    }

    @Test
    void aSecretComesFromTheFileItsFileVariableNamesSoItIsNotInTheContainersEnvironment(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("hub_db_password");
        Files.writeString(secret, "s3cret-from-a-docker-secret\n");
        Map<String, String> environment = Map.of("HUB_DB_PASSWORD_FILE", secret.toString(), "HUB_BROKER_PASSWORD", "plain",
                "HUB_KEYSTORE_PASSWORD_FILE", "/run/secrets/keystore_password");

        HubSettings s = HubSettings.load(null, Map.of(), environment::get);

        assertThat(s.text("hub.db.password")).isEqualTo("s3cret-from-a-docker-secret");
        assertThat(s.text("hub.broker.password")).isEqualTo("plain");
        assertThat(s.text("hub.keystore.password-file")).as("a setting of its own, read by the keystore")
                .isEqualTo("/run/secrets/keystore_password");
        assertThat(s.text("hub.keystore.password")).isEmpty();
        assertThatThrownBy(() -> HubSettings.load(null, Map.of(), Map.of("HUB_DB_PASSWORD_FILE", dir.resolve("none").toString())::get))
                .hasMessageContaining("HUB_DB_PASSWORD_FILE names").hasMessageContaining("cannot be read");
    }
}
