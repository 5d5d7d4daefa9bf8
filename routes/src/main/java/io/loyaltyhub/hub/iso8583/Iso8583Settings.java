package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.adapters.iso8583.Framing;
import io.loyaltyhub.hub.config.HubSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ISO 8583 channel's settings, read from the hub's:
 * <ul>
 * <li>{@code hub.iso8583.listeners}: comma-separated {@code framing:port} pairs, e.g.
 * {@code binary-2:8583,ascii-4:8584}; empty (the default) means no ISO 8583 listener. Port 0 takes a free port
 * (tests do): {@link Iso8583Extension#listeningPort} says which. Off by default
 * because terminals without a MAC key are trusted by the network the listener is reachable from, so
 * opening it is a decision for the operator.</li>
 * <li>{@code hub.iso8583.host}: the address every listener binds to.</li>
 * <li>{@code hub.iso8583.max-message-bytes}: a larger length header closes the connection.</li>
 * <li>{@code hub.iso8583.mac-required}: refuse (58) terminals that have no MAC key.</li>
 * <li>{@code hub.iso8583.idle-timeout-seconds}: close a connection silent for this long (0: never).</li>
 * <li>{@code hub.iso8583.key-encryption-key-file}: where hubs before the keystore kept the key that wrapped
 * stored MAC keys (default {@code <data dir>/keys/iso8583-kek.key}); if it exists at start, stored MAC keys
 * are moved to the keystore's master key. Stored MAC keys are wrapped by the master key.</li>
 * <li>{@code hub.swipe.reply-timeout-ms}: how long an online request waits for the engine.</li>
 * </ul>
 */
public final class Iso8583Settings {

    public static final String LISTENERS = "hub.iso8583.listeners";
    public static final String HOST = "hub.iso8583.host";
    public static final String MAX_MESSAGE_BYTES = "hub.iso8583.max-message-bytes";
    public static final String MAC_REQUIRED = "hub.iso8583.mac-required";
    public static final String KEY_ENCRYPTION_KEY_FILE = "hub.iso8583.key-encryption-key-file";
    public static final String IDLE_TIMEOUT = "hub.iso8583.idle-timeout-seconds";
    private static final String REPLY_TIMEOUT = "hub.swipe.reply-timeout-ms";

    private Iso8583Settings() {
    }

    public static List<Iso8583ListenerSettings> listeners(HubSettings settings) {
        String spec = settings.text(LISTENERS).trim();
        List<Iso8583ListenerSettings> listeners = new ArrayList<>();
        if (spec.isEmpty()) {
            return listeners;
        }
        for (String entry : spec.split(",")) {
            String[] parts = entry.trim().split(":");
            if (parts.length != 2 || !parts[1].matches("[0-9]{1,5}")) {
                throw new IllegalArgumentException(LISTENERS + " entries are framing:port (binary-2:8583 or ascii-4:8584), not '" + entry + "'");
            }
            Framing framing;
            try {
                framing = Framing.fromConfig(parts[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(LISTENERS + ": framing must be binary-2 or ascii-4, not '" + parts[0] + "'");
            }
            int port = Integer.parseInt(parts[1]);
            String name = parts[0].trim().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + port;
            if (listeners.stream().anyMatch(listener -> listener.name().equals(name))) {
                // two listeners of one framing on port 0 would both be named so: their routes would collide
                throw new IllegalArgumentException(LISTENERS + " names " + entry.trim() + " twice");
            }
            listeners.add(new Iso8583ListenerSettings(name,
                    settings.text(HOST), port, framing, settings.integer(MAX_MESSAGE_BYTES),
                    Duration.ofMillis(settings.integer(REPLY_TIMEOUT)), Boolean.parseBoolean(settings.text(MAC_REQUIRED)),
                    Duration.ofSeconds(settings.integer(IDLE_TIMEOUT))));
        }
        return listeners;
    }

    /** Where hubs before the keystore kept the MAC key-encryption key; only read to move stored MAC keys to the master key. */
    public static Path legacyKeyEncryptionKeyFile(HubSettings settings) {
        String configured = settings.text(KEY_ENCRYPTION_KEY_FILE);
        return configured.isBlank() ? settings.dataDir().resolve("keys").resolve("iso8583-kek.key") : Path.of(configured);
    }
}
