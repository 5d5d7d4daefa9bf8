package io.loyaltyhub.hub.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.hub.health.HealthProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 12, item 20, without a Docker engine: compose.yml read by a real YAML parser (anchors and merge keys resolved
 * as Compose resolves them) and checked for what makes the topology start — healthchecks that can pass in their
 * images (none relies on /dev/tcp, which the images' sh, dash, does not have), hubs that wait for healthy
 * dependencies — and .dockerignore checked against the repository: nothing a hub leaves behind (data, keystores, keys)
 * or builds reaches the build context, everything the image's build needs does.
 */
class ComposeAndImageTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOCKER = ROOT.resolve("docker");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        Yaml yaml = new Yaml(new LoaderOptions());
        return (Map<String, Object>) yaml.load(Files.readString(DOCKER.resolve("compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> healthcheck(Map<String, Object> service) {
        Object test = map(service.get("healthcheck")).get("test");
        assertThat(test).as("healthcheck test in the exec (list) form").isInstanceOf(List.class);
        return (List<String>) test;
    }

    @Test
    void theComposeFileHasTheTopologyTheReadmeDescribes() throws Exception {
        Map<String, Object> services = map(compose().get("services"));

        assertThat(services).containsOnlyKeys("mysql", "artemis", "hub-1", "hub-2");
        assertThat(map(map(services.get("hub-1")).get("environment")).get("HUB_NODE_ID")).isEqualTo("1");
        assertThat(map(map(services.get("hub-2")).get("environment")).get("HUB_NODE_ID")).isEqualTo("2");
        assertThat(map(map(services.get("hub-2")).get("environment")).get("HUB_DB_URL"))
                .as("hub-2 inherits hub-1's environment through the merge key").isEqualTo("jdbc:mysql://mysql:3306/loyalty");
        assertThat(map(map(services.get("hub-2")).get("build")).get("dockerfile")).isEqualTo("docker/Dockerfile");
    }

    @Test
    void aHubThatExitsOnAFailureIsStartedAgain() throws Exception {
        Map<String, Object> services = map(compose().get("services"));
        for (String hub : List.of("hub-1", "hub-2")) {
            assertThat(map(services.get(hub)).get("restart")).as(hub).isEqualTo("on-failure");
        }
    }

    @Test
    void everyHubWaitsForAHealthyDatabaseAndBroker() throws Exception {
        Map<String, Object> services = map(compose().get("services"));
        for (String hub : List.of("hub-1", "hub-2")) {
            Map<String, Object> dependsOn = map(map(services.get(hub)).get("depends_on"));
            assertThat(dependsOn).as(hub).containsOnlyKeys("mysql", "artemis");
            for (String dependency : List.of("mysql", "artemis")) {
                assertThat(map(dependsOn.get(dependency)).get("condition")).as(hub + " waits for " + dependency)
                        .isEqualTo("service_healthy");
                assertThat(map(services.get(dependency))).as(dependency + " has a healthcheck to wait for")
                        .containsKey("healthcheck");
            }
        }
    }

    @Test
    void noHealthcheckNeedsWhatTheImagesDoNotHave() throws Exception {
        Map<String, Object> services = map(compose().get("services"));
        List<String> mysql = healthcheck(map(services.get("mysql")));
        List<String> artemis = healthcheck(map(services.get("artemis")));

        for (List<String> test : List.of(mysql, artemis)) {
            assertThat(test.get(0)).isIn("CMD", "CMD-SHELL");
            assertThat(String.join(" ", test)).doesNotContain("/dev/tcp").doesNotContain("curl").doesNotContain("wget")
                    .doesNotContain("nc ");
        }
        assertThat(mysql.subList(0, 3)).containsExactly("CMD", "mysqladmin", "ping");
        assertThat(artemis.get(1)).startsWith("/var/lib/artemis-instance/bin/artemis check node --up ")
                .contains("--url tcp://127.0.0.1:61616").contains("$ARTEMIS_USER").contains("$ARTEMIS_PASSWORD");
        assertThat(map(services.get("artemis")).get("environment")).isInstanceOf(Map.class);
        assertThat(map(map(services.get("artemis")).get("environment"))).containsKeys("ARTEMIS_USER", "ARTEMIS_PASSWORD");
    }

    @Test
    void theHubImageChecksReadinessWithItsOwnJavaAndTheProbeItShips() throws Exception {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile")).replace("\\\n", " ");
        Matcher healthcheck = Pattern.compile("(?m)^HEALTHCHECK\\s+(.*)$").matcher(dockerfile);
        assertThat(healthcheck.find()).as("the image declares a HEALTHCHECK").isTrue();
        String declared = healthcheck.group(1);

        assertThat(declared).doesNotContain("/dev/tcp").doesNotContain("curl").doesNotContain("wget");
        assertThat(declared).contains("CMD [\"java\",").contains("\"-cp\", \"/opt/loyalty-hub/loyalty-hub.jar\"")
                .contains("\"" + HealthProbe.class.getName() + "\"]");
        assertThat(HealthProbe.class.getMethod("main", String[].class)).isNotNull();
        assertThat(dockerfile).contains("COPY --from=build /src/routes/target/loyalty-hub.jar /opt/loyalty-hub/");
    }

    @Test
    void theBuildContextLeavesOutHubDataKeysAndBuildOutputButKeepsWhatTheBuildNeeds() throws Exception {
        DockerIgnore ignore = DockerIgnore.parse(Files.readAllLines(ROOT.resolve(".dockerignore")));

        for (String leftOut : List.of("hub-data/db/loyalty.mv.db", "routes/hub-data/keys/hub.bcfks", "docker/hub.bcfks",
                "docker/card.key", "hub-data/keys/keystore.pass", "routes/target/loyalty-hub.jar", "target/x",
                "docker/.env", "pos-adapters/target/classes/x.class", ".git/config", "data/broker/journal/x")) {
            assertThat(ignore.excludes(leftOut)).as(leftOut + " left out of the build context").isTrue();
        }
        for (String kept : List.of("mvnw", ".mvn/wrapper/maven-wrapper.properties", "pom.xml", "routes/pom.xml",
                "docker/Dockerfile", "routes/src/main/java/io/loyaltyhub/hub/LoyaltyHub.java",
                "loyalty-domain/src/main/resources/db/migration/V1__x.sql")) {
            assertThat(ignore.excludes(kept)).as(kept + " kept in the build context").isFalse();
        }
        List<String> neededButIgnored = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(Files::isRegularFile).map(f -> ROOT.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.equals("mvnw") || f.endsWith("pom.xml") || f.startsWith(".mvn/") || f.contains("/src/main/"))
                    .filter(f -> !f.contains("/target/"))
                    .filter(ignore::excludes).forEach(neededButIgnored::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        assertThat(neededButIgnored).as("sources the image's build needs").isEmpty();
    }

    /** .dockerignore as Docker reads it: patterns relative to the context root, ** across directories, ! to keep. */
    record DockerIgnore(List<Pattern> patterns, List<Boolean> keep) {
        static DockerIgnore parse(List<String> lines) {
            List<Pattern> patterns = new ArrayList<>();
            List<Boolean> keep = new ArrayList<>();
            for (String raw : lines) {
                String line = raw.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                boolean exception = line.startsWith("!");
                String glob = (exception ? line.substring(1) : line).replaceAll("^/+", "").replaceAll("/+$", "");
                patterns.add(Pattern.compile(regex(glob)));
                keep.add(exception);
            }
            return new DockerIgnore(patterns, keep);
        }

        private static String regex(String glob) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (glob.startsWith("**/", i)) {
                    regex.append("(?:.*/)?");
                    i += 2;
                } else if (glob.startsWith("**", i)) {
                    regex.append(".*");
                    i += 1;
                } else if (c == '*') {
                    regex.append("[^/]*");
                } else if (c == '?') {
                    regex.append("[^/]");
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return regex.toString();
        }

        /** A path is left out when the last pattern matching it, or one of its parent directories, excludes it. */
        boolean excludes(String path) {
            boolean excluded = false;
            for (int i = 0; i < patterns.size(); i++) {
                if (matchesItOrAParent(patterns.get(i), path)) {
                    excluded = !keep.get(i);
                }
            }
            return excluded;
        }

        private static boolean matchesItOrAParent(Pattern pattern, String path) {
            for (String prefix = path; !prefix.isEmpty(); prefix = prefix.contains("/")
                    ? prefix.substring(0, prefix.lastIndexOf('/')) : "") {
                if (pattern.matcher(prefix).matches()) {
                    return true;
                }
            }
            return false;
        }
    }
}
