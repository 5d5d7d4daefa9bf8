package io.loyaltyhub.hub.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.hub.config.HubSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs where the tests run, so the docker/ files are checked statically: every HUB_*
 * variable the compose file sets is a real setting, the nodes have distinct ids and share one keystore,
 * the image runs what the build produces, and no secret is written into the files.
 */
class DockerFilesTest {
    private static final Path DOCKER = Path.of("..", "docker");

    @Test
    void everyHubVariableInComposeIsARealSetting() throws Exception {
        String compose = Files.readString(DOCKER.resolve("compose.yml"));
        Matcher m = Pattern.compile("\\b(HUB_[A-Z_]+):").matcher(compose);
        int found = 0;
        while (m.find()) {
            found++;
            String named = m.group(1);
            List<String> settings = HubSettings.defaults().keySet().stream().map(HubSettings::environmentName).toList();
            // HUB_X_FILE is the setting HUB_X read from a file, unless it is a setting itself (HUB_KEYSTORE_FILE)
            String variable = settings.contains(named) ? named : named.replaceAll("_FILE$", "");
            assertThat(settings)
                    .as("%s is not the environment name of any hub.* setting", variable)
                    .contains(variable);
        }
        assertThat(found).isGreaterThanOrEqualTo(8);
    }

    @Test
    void twoNodesWithDistinctIdsShareOneKeystoreAndNoSecretIsInTheFiles() throws Exception {
        String compose = Files.readString(DOCKER.resolve("compose.yml"));
        assertThat(compose).contains("HUB_NODE_ID: \"1\"").contains("HUB_NODE_ID: \"2\"");
        assertThat(compose).contains("HUB_KEYSTORE_FILE: /run/secrets/hub_keystore")
                .contains("HUB_KEYSTORE_PASSWORD_FILE: /run/secrets/hub_keystore_password")
                .contains("HUB_KEYSTORE_CREATE_IF_MISSING: \"false\"");
        assertThat(compose).doesNotContainPattern("PASSWORD: [^$\\s{]");
        assertThat(Files.readString(DOCKER.resolve(".gitignore"))).contains("card.key").contains("hub.bcfks");
    }

    @Test
    void theImageRunsTheJarTheBuildProduces() throws Exception {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        assertThat(dockerfile).contains("routes/target/loyalty-hub.jar").contains("routes/target/lib")
                .contains("FROM eclipse-temurin:17").contains("USER hub");
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<finalName>loyalty-hub</finalName>");
    }
}
