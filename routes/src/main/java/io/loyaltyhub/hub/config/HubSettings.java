package io.loyaltyhub.hub.config;

import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.IdSource;

import io.loyaltyhub.domain.persistence.DatabaseConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The hub's configuration: built-in defaults, then an optional properties file, then environment
 * variables (hub.http.port ⇄ HUB_HTTP_PORT), then explicit overrides (tests, command-line options).
 * Every setting is listed in the README's configuration table.
 */
public final class HubSettings {

    /**
     * Settings of a hub that listens on 127.0.0.1 only, on port 0 everywhere (HTTP, the broker's core acceptor and
     * its MQTT/AMQP/STOMP acceptors): it binds free ports itself, so no other process can take one between choosing it
     * and binding it, and says which it got. For tests and the benchmark; callers add or override what they need.
     */
    public static Map<String, String> localOnFreePorts(Path dataDir) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("hub.data-dir", dataDir.toString());
        settings.put("hub.http.host", "127.0.0.1");
        settings.put("hub.http.port", "0");
        settings.put("hub.jobs.daily-at", "off"); // a test or benchmark hub runs no daily job unless it asks
        settings.put("hub.broker.embedded.port", "0");
        settings.put("hub.broker.terminals.host", "127.0.0.1");
        for (String protocol : java.util.List.of("mqtt", "amqp", "stomp")) {
            settings.put("hub.broker." + protocol + ".port", "0");
        }
        return settings;
    }
    private static final Map<String, String> DEFAULTS = new TreeMap<>(Map.ofEntries(
            Map.entry("hub.data-dir", "hub-data"),
            Map.entry("hub.node-id", "1"),
            Map.entry("hub.jobs.daily-at", "02:00"),
            Map.entry("hub.jobs.check-seconds", "60"),
            Map.entry("hub.jobs.lease-seconds", "600"),
            Map.entry("hub.jobs.retry-seconds", "900"),
            Map.entry("hub.http.host", "0.0.0.0"),
            Map.entry("hub.http.port", "8080"),
            Map.entry("hub.http.max-body-bytes", "65536"),
            Map.entry("hub.http.worker-threads", "512"),
            Map.entry("hub.http.signing-required", "false"),
            Map.entry("hub.http.signature-max-age-seconds", "300"),
            Map.entry("hub.auth.credential-failures-before-lockout", "5"),
            Map.entry("hub.auth.address-failures-before-lockout", "20"),
            Map.entry("hub.auth.lockout-max-seconds", "300"),
            Map.entry("hub.health.probe-interval-ms", "2000"),
            Map.entry("hub.health.probe-timeout-ms", "2000"),
            Map.entry("hub.health.max-engine-lag-seconds", "30"),
            Map.entry("hub.db.url", ""),
            Map.entry("hub.db.user", ""),
            Map.entry("hub.db.password", ""),
            Map.entry("hub.db.pool-size", "10"),
            Map.entry("hub.broker.url", ""),
            Map.entry("hub.broker.user", ""),
            Map.entry("hub.broker.password", ""),
            Map.entry("hub.broker.embedded.host", "127.0.0.1"),
            Map.entry("hub.broker.embedded.port", "61616"),
            Map.entry("hub.broker.journal-sync-nanos", "1000000"),
            Map.entry("hub.broker.journal-type", "auto"),
            Map.entry("hub.broker.terminals.host", "0.0.0.0"),
            Map.entry("hub.broker.mqtt.port", "11883"),
            Map.entry("hub.broker.amqp.port", "15673"),
            Map.entry("hub.broker.stomp.port", "61613"),
            Map.entry("hub.broker.terminals.consumers", "4"),
            Map.entry("hub.broker.terminals.max-message-bytes", "65536"),
            Map.entry("hub.engine.consumers", "1"),
            Map.entry("hub.engine.batch-size", "200"),
            Map.entry("hub.engine.future-tolerance-minutes", "60"),
            Map.entry("hub.engine.max-age-days", "90"),
            Map.entry("hub.swipe.reply-timeout-ms", "3000"),
            Map.entry("hub.swipe.overloaded-after-ms", "1000"),
            Map.entry("hub.shutdown.drain-seconds", "10"),
            Map.entry("hub.broker.connection-ttl-ms", "6000"),
            Map.entry("hub.card-key-file", ""),
            Map.entry("hub.keystore.file", ""),
            Map.entry("hub.keystore.password", ""),
            Map.entry("hub.keystore.password-file", ""),
            Map.entry("hub.keystore.create-if-missing", "true"),
            Map.entry("hub.keystore.refresh-seconds", "10"),
            Map.entry("hub.card-catalog.refresh-seconds", "30"),
            Map.entry("hub.terminal-cache.ttl-seconds", "60"),
            Map.entry("hub.iso8583.listeners", ""),
            Map.entry("hub.iso8583.host", "0.0.0.0"),
            Map.entry("hub.iso8583.max-message-bytes", "8192"),
            Map.entry("hub.iso8583.mac-required", "false"),
            Map.entry("hub.iso8583.idle-timeout-seconds", "300"),
            Map.entry("hub.iso8583.key-encryption-key-file", ""),
            Map.entry("hub.poslog.max-document-bytes", "4194304"),
            Map.entry("hub.poslog.max-depth", "32"),
            Map.entry("hub.poslog.max-transactions", "10000"),
            Map.entry("hub.poslog.local-zone", "UTC"),
            Map.entry("hub.poslog.default-currency", ""),
            Map.entry("hub.poslog.reply-timeout-ms", "10000"),
            Map.entry("hub.poslog.source-uri", ""),
            Map.entry("hub.poslog.result-uri", ""),
            Map.entry("hub.inbox.dir", ""),
            Map.entry("hub.inbox.claim-lease-seconds", "30"),
            Map.entry("hub.csv.source-uri", ""),
            Map.entry("hub.csv.result-uri", ""),
            Map.entry("hub.csv.window", "1024"),
            Map.entry("hub.csv.answer-timeout-ms", "30000"),
            Map.entry("hub.reports.credential-cache-seconds", "60"),
            Map.entry("hub.reports.credential-cache-entries", "1024"),
            Map.entry("hub.reports.concurrent-downloads", "4"),
            Map.entry("hub.reports.concurrent-logins", "1"),
            Map.entry("hub.reports.stall-timeout-seconds", "60"),
            Map.entry("hub.webhooks.max-body-bytes", "262144"),
            Map.entry("hub.webhooks.max-event-age-hours", "72"),
            Map.entry("hub.webhooks.retry-pending-seconds", "60"),
            Map.entry("hub.webhooks.credit-timeout-ms", "30000"),
            Map.entry("hub.portal.session-idle-minutes", "30"),
            Map.entry("hub.portal.session-max-hours", "12"),
            Map.entry("hub.portal.secure-cookies", "false")));

    /** Variables that are settings themselves (HUB_KEYSTORE_PASSWORD_FILE is hub.keystore.password-file). */
    private static final java.util.Set<String> ENVIRONMENT_NAMES = DEFAULTS.keySet().stream().map(HubSettings::environmentName)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final Map<String, String> values;

    private HubSettings(Map<String, String> values) {
        this.values = values;
    }

    public static HubSettings load(Path configFile, Map<String, String> overrides) {
        return load(configFile, overrides, System::getenv);
    }

    /**
     * @param environment the process environment: {@code HUB_DB_PASSWORD} sets {@code hub.db.password}, and
     *     {@code HUB_DB_PASSWORD_FILE} reads it from a file (a Docker secret under /run/secrets, so the value is not
     *     in the container's configuration that {@code docker inspect} shows); the file wins over the variable
     */
    static HubSettings load(Path configFile, Map<String, String> overrides, java.util.function.UnaryOperator<String> environment) {
        Map<String, String> values = new TreeMap<>(DEFAULTS);
        if (configFile != null) {
            Properties file = new Properties();
            try (InputStream in = Files.newInputStream(configFile)) {
                file.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read configuration file " + configFile + ": " + e.getMessage());
            }
            file.stringPropertyNames().forEach(k -> values.put(k, file.getProperty(k).trim()));
        }
        for (String key : DEFAULTS.keySet()) {
            String env = environment.apply(environmentName(key));
            if (env != null) {
                values.put(key, env.trim());
            }
            String fileVariable = environmentName(key) + "_FILE";
            String file = environment.apply(fileVariable);
            if (file != null && !file.isBlank() && !ENVIRONMENT_NAMES.contains(fileVariable)) {
                values.put(key, secretFile(fileVariable, Path.of(file.trim())));
            }
        }
        values.putAll(overrides);
        for (String key : values.keySet()) {
            if (key.startsWith("hub.") && !DEFAULTS.containsKey(key)) {
                throw new IllegalArgumentException("unknown setting " + key + ClosestSetting.to(key, DEFAULTS.keySet())
                        .map(closest -> "; did you mean " + closest + "?")
                        .orElse("; every setting is listed in the README's Configuration table"));
            }
        }
        return new HubSettings(values);
    }

    /** A value read from a file named by an environment variable, without its final line break. */
    private static String secretFile(String variable, Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException(variable + " names " + file + ", which cannot be read: " + e.getMessage());
        }
    }

    public static String environmentName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public static Map<String, String> defaults() {
        return DEFAULTS;
    }

    public String text(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("unknown setting " + key);
        }
        return value;
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(text(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number, not '" + text(key) + "'");
        }
    }

    /** This node's id generator for one source of ids ({@code hub.node-id}, 0 to {@link IdSource#MAX_HUB_NODE}). */
    public IdGenerator ids(IdSource source) {
        return source.generatorFor(integer("hub.node-id"));
    }

    /** A whole number of at least 1 (sizes, counts, windows). */
    public int positive(String key) {
        int value = integer(key);
        if (value < 1) {
            throw new IllegalArgumentException("setting " + key + " must be at least 1, not " + value);
        }
        return value;
    }

    /** A duration given in milliseconds; 0 where the setting's description says what zero means. */
    public Duration millis(String key) {
        return Duration.ofMillis(notNegative(key));
    }

    /** A duration given in seconds; 0 where the setting's description says what zero means. */
    public Duration seconds(String key) {
        return Duration.ofSeconds(notNegative(key));
    }

    /** A whole number of at least 0 (where the setting's description says what zero means). */
    public int notNegative(String key) {
        int value = integer(key);
        if (value < 0) {
            throw new IllegalArgumentException("setting " + key + " must not be negative, not " + value);
        }
        return value;
    }

    /** {@code true} or {@code false}, nothing else (a misspelt "ture" must not quietly mean false). */
    public boolean flag(String key) {
        String value = text(key).trim().toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("setting " + key + " must be true or false, not '" + text(key) + "'");
        };
    }

    public Path dataDir() {
        return Path.of(text("hub.data-dir"));
    }

    public boolean embeddedDatabase() {
        return text("hub.db.url").isBlank();
    }

    /**
     * The database these settings name: the MySQL URL when one is set, else the embedded database in the data
     * directory. The hub uses {@code hub.db.pool-size} connections; an operator command needs only a couple.
     */
    public DatabaseConfig databaseConfig(int poolSize) {
        return embeddedDatabase() ? DatabaseConfig.embedded(dataDir().resolve("db"), poolSize)
                : new DatabaseConfig(text("hub.db.url"), text("hub.db.user"), text("hub.db.password"), poolSize);
    }

    public boolean embeddedBroker() {
        return text("hub.broker.url").isBlank();
    }

    /** All settings, for Camel property placeholders ({{hub.http.port}}). */
    public Properties asProperties() {
        Properties p = new Properties();
        values.forEach(p::setProperty);
        return p;
    }
}
