package io.loyaltyhub.hub.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.hub.health.HealthProbe;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
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
 * Without a Docker engine: compose.yml read by a real YAML parser (anchors and merge keys resolved as Compose resolves
 * them), validated against the Compose Specification's JSON schema, and checked for what makes the topology start — healthchecks that can pass in their
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Schema composeSpecification() throws IOException {
        try (InputStream in = ComposeAndImageTest.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
            ObjectNode schema = (ObjectNode) JSON.readTree(in);
            // The file's $id ("compose_spec.json") is relative, which the validator refuses as a base: give it an absolute one.
            schema.put("$id", "https://compose-spec.io/compose_spec.json");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(SchemaLocation.of("https://compose-spec.io/compose_spec.json"), schema);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringList(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> healthcheck(Map<String, Object> service) {
        Object test = map(service.get("healthcheck")).get("test");
        assertThat(test).as("healthcheck test in the exec (list) form").isInstanceOf(List.class);
        return (List<String>) test;
    }

    @Test
    void theComposeFileIsValidUnderTheComposeSpecification() throws Exception {
        Schema spec = composeSpecification();

        List<com.networknt.schema.Error> errors = spec.validate(JSON.valueToTree(compose()));

        assertThat(errors).as("docker/compose.yml against the Compose Specification's schema").isEmpty();
        Map<String, Object> misspelt = compose();
        map(map(misspelt.get("services")).get("hub-1")).put("healthchek", Map.of("test", List.of("NONE")));
        assertThat(spec.validate(JSON.valueToTree(misspelt))).as("the schema refuses what Compose refuses").isNotEmpty();
    }

    @Test
    void theComposeFileHasTheTopologyTheOperationsGuideDescribes() throws Exception {
        Map<String, Object> services = map(compose().get("services"));

        assertThat(services).containsOnlyKeys("mysql", "artemis-primary", "artemis-backup", "hub-1", "hub-2");
        assertThat(map(map(services.get("hub-1")).get("environment")).get("HUB_NODE_ID")).isEqualTo("1");
        assertThat(map(map(services.get("hub-2")).get("environment")).get("HUB_NODE_ID")).isEqualTo("2");
        assertThat(map(map(services.get("hub-2")).get("environment")).get("HUB_DB_URL"))
                .as("hub-2 inherits hub-1's environment through the merge key").isEqualTo("jdbc:mysql://mysql:3306/loyalty");
        assertThat(map(map(services.get("hub-2")).get("build")).get("dockerfile")).isEqualTo("docker/Dockerfile");
        for (String hub : List.of("hub-1", "hub-2")) {
            Map<String, Object> environment = map(map(services.get(hub)).get("environment"));
            assertThat(environment.get("HUB_BROKER_URL")).as(hub + " knows both brokers")
                    .isEqualTo("(tcp://artemis-primary:61616,tcp://artemis-backup:61616)");
            assertThat(environment.get("HUB_INBOX_DIR")).isEqualTo("/var/lib/loyalty-hub-inbox");
            assertThat(stringList(map(services.get(hub)).get("volumes"))).as(hub + " mounts the shared inbox")
                    .contains("hub-inbox:/var/lib/loyalty-hub-inbox");
        }
    }

    @Test
    void thePrimaryAndTheBackupBrokerReplicateAndServeTheTerminalPorts() throws Exception {
        Map<String, Object> services = map(compose().get("services"));
        Map<String, Object> primary = map(services.get("artemis-primary"));
        Map<String, Object> backup = map(services.get("artemis-backup"));
        String entrypoint = String.join(" ", stringList(primary.get("entrypoint")));

        assertThat(entrypoint).as("one entrypoint through the x-artemis anchor").isEqualTo(String.join(" ",
                stringList(backup.get("entrypoint")))).contains("--replicated").contains("exec /docker-run.sh run");
        assertThat((String) map(primary.get("environment")).get("BROKER_ARGS")).contains("--staticCluster tcp://artemis-backup:61616")
                .doesNotContain("--backup");
        assertThat((String) map(backup.get("environment")).get("BROKER_ARGS")).contains("--backup")
                .contains("--staticCluster tcp://artemis-primary:61616");
        assertThat(stringList(primary.get("ports"))).containsExactlyInAnyOrder("1883:1883", "5672:5672", "61613:61613");
        assertThat(stringList(backup.get("ports"))).containsExactlyInAnyOrder("1884:1883", "5673:5672", "61614:61613");
    }

    @Test
    void aHubThatExitsOnAFailureIsStartedAgain() throws Exception {
        Map<String, Object> services = map(compose().get("services"));
        for (String service : List.of("hub-1", "hub-2", "artemis-primary", "artemis-backup")) {
            assertThat(map(services.get(service)).get("restart")).as(service).isEqualTo("on-failure");
        }
    }

    @Test
    void everyHubWaitsForAHealthyDatabaseAndPrimaryBroker() throws Exception {
        Map<String, Object> services = map(compose().get("services"));
        for (String hub : List.of("hub-1", "hub-2")) {
            Map<String, Object> dependsOn = map(map(services.get(hub)).get("depends_on"));
            assertThat(dependsOn).as(hub).containsOnlyKeys("mysql", "artemis-primary", "artemis-backup");
            for (String dependency : List.of("mysql", "artemis-primary")) {
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
        List<String> primary = healthcheck(map(services.get("artemis-primary")));
        List<String> backup = healthcheck(map(services.get("artemis-backup")));

        for (List<String> test : List.of(mysql, primary, backup)) {
            assertThat(test.get(0)).isIn("CMD", "CMD-SHELL");
            assertThat(String.join(" ", test)).doesNotContain("/dev/tcp").doesNotContain("curl").doesNotContain("wget")
                    .doesNotContain("nc ");
        }
        assertThat(mysql.subList(0, 3)).containsExactly("CMD", "mysqladmin", "ping");
        assertThat(primary.get(1)).startsWith("/var/lib/artemis-instance/bin/artemis check node --up ")
                .contains("--url tcp://artemis-primary:61616").contains("$(cat /run/secrets/artemis_password)");
        assertThat(backup.get(1)).contains("check node --backup").contains("--url tcp://artemis-primary:61616")
                .contains("check node --up").contains("--url tcp://artemis-backup:61616");
    }

    @Test
    void noSecretIsInAContainersEnvironmentOrCommandLine() throws Exception {
        Map<String, Object> compose = compose();
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> secrets = map(compose.get("secrets"));
        for (Map.Entry<String, Object> service : services.entrySet()) {
            Map<String, Object> environment = map(map(service.getValue()).getOrDefault("environment", Map.of()));
            for (Map.Entry<String, Object> variable : environment.entrySet()) {
                String value = String.valueOf(variable.getValue());
                assertThat(value).as(service.getKey() + " " + variable.getKey() + ": no interpolated value").doesNotContain("${");
                if (variable.getKey().contains("PASSWORD") && !variable.getKey().equals("ARTEMIS_USER")) {
                    assertThat(variable.getKey()).as(service.getKey() + ": a password is read from a file").endsWith("_FILE");
                    assertThat(value).startsWith("/run/secrets/");
                    assertThat(stringList(map(service.getValue()).get("secrets"))).as(service.getKey() + " is given " + value)
                            .contains(value.substring("/run/secrets/".length()));
                }
            }
            assertThat(String.join(" ", stringList(map(service.getValue()).getOrDefault("entrypoint", List.of()))))
                    .doesNotContain("${");
        }
        for (Map.Entry<String, Object> secret : secrets.entrySet()) {
            assertThat((String) map(secret.getValue()).get("file")).as(secret.getKey()).startsWith("./secrets/");
        }
        DockerIgnore ignore = DockerIgnore.parse(Files.readAllLines(ROOT.resolve(".dockerignore")));
        assertThat(ignore.excludes("docker/secrets/hub_db_password")).isTrue();
        assertThat(Files.readString(DOCKER.resolve(".gitignore"))).contains("secrets/");
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
