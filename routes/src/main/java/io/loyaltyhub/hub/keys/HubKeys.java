package io.loyaltyhub.hub.keys;

import io.loyaltyhub.hub.config.HubSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the hub's keystore and its passphrase come from. The passphrase is {@code hub.keystore.password}
 * (normally the environment variable {@code HUB_KEYSTORE_PASSWORD}); without it, the file
 * {@code hub.keystore.password-file}. With {@code hub.keystore.create-if-missing=true} (the default, so that
 * the first {@code run --demo} needs no manual step) a missing keystore is created at start, and a missing
 * passphrase is generated into the passphrase file, readable by the owner only, with a warning: a passphrase
 * beside the store protects it only from someone who gets one file without the other (a backup of the
 * database folder, say). Production sets the variable, keeps no passphrase file and sets create-if-missing
 * to false (see docs/security.md).
 */
public final class HubKeys {
    private static final Logger log = LoggerFactory.getLogger(HubKeys.class);
    public static final String FILE = "hub.keystore.file";
    public static final String PASSWORD = "hub.keystore.password";
    public static final String PASSWORD_FILE = "hub.keystore.password-file";
    public static final String CREATE_IF_MISSING = "hub.keystore.create-if-missing";
    public static final String LEGACY_CARD_KEY_FILE = "hub.card-key-file";

    private HubKeys() {
    }

    public static Path keystoreFile(HubSettings settings) {
        String configured = settings.text(FILE);
        return configured.isBlank() ? settings.dataDir().resolve("keys").resolve("hub.bcfks") : Path.of(configured);
    }

    static Path passwordFile(HubSettings settings) {
        String configured = settings.text(PASSWORD_FILE);
        return configured.isBlank() ? settings.dataDir().resolve("keys").resolve("keystore.pass") : Path.of(configured);
    }

    static Path legacyCardKeyFile(HubSettings settings) {
        String configured = settings.text(LEGACY_CARD_KEY_FILE);
        return configured.isBlank() ? settings.dataDir().resolve("keys").resolve("card.key") : Path.of(configured);
    }

    /** The hub's keystore at start: opened, or created on first start when allowed. */
    public static HubKeyStore openOrCreate(HubSettings settings) {
        Path file = keystoreFile(settings);
        if (Files.exists(file)) {
            return HubKeyStore.open(file, passphrase(settings, false));
        }
        if (!Boolean.parseBoolean(settings.text(CREATE_IF_MISSING))) {
            throw new IllegalStateException("no keystore at " + file + ": create it with 'keys-init' (or set "
                    + CREATE_IF_MISSING + "=true)");
        }
        HubKeyStore created = create(settings);
        log.warn("created a new keystore at {} (card key, master key, signing key): back it up, and its passphrase "
                + "separately; see docs/security.md", file.toAbsolutePath());
        return created;
    }

    /** For operator commands: the keystore must exist (they never create one). */
    public static HubKeyStore open(HubSettings settings) {
        Path file = keystoreFile(settings);
        if (!Files.exists(file)) {
            throw new IllegalStateException("no keystore at " + file.toAbsolutePath() + ": run this command in the folder "
                    + "the hub runs in, or point it at the hub's data with -s hub.data-dir=DIR (or " + FILE + "); "
                    + "'keys-init' creates a new keystore");
        }
        return HubKeyStore.open(file, passphrase(settings, false));
    }

    /** {@code keys-init} and first start: a new store, importing a pre-keystore card key file as version 1. */
    public static HubKeyStore create(HubSettings settings) {
        Path file = keystoreFile(settings);
        byte[] legacy = LegacyCardKey.read(legacyCardKeyFile(settings));
        HubKeyStore store = HubKeyStore.create(file, passphrase(settings, true), legacy);
        if (legacy != null) {
            log.warn("imported the card key file {} as card key version 1; once the keystore is backed up, delete "
                    + "that file", legacyCardKeyFile(settings).toAbsolutePath());
        }
        return store;
    }

    private static char[] passphrase(HubSettings settings, boolean mayGenerate) {
        String configured = settings.text(PASSWORD);
        if (!configured.isEmpty()) {
            return configured.toCharArray();
        }
        Path file = passwordFile(settings);
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (stored.isEmpty()) {
                    throw new IllegalStateException("the keystore passphrase file " + file + " is empty");
                }
                return stored.toCharArray();
            }
            if (!mayGenerate) {
                throw new IllegalStateException("no keystore passphrase: set HUB_KEYSTORE_PASSWORD (" + PASSWORD
                        + ") or provide " + file);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(HubKeyStore.randomBytes(32));
            Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
            OwnerOnly.restrict(file);
            log.warn("no HUB_KEYSTORE_PASSWORD set: generated a keystore passphrase into {} (owner-only); for "
                    + "production set HUB_KEYSTORE_PASSWORD instead and keep no passphrase file beside the store",
                    file.toAbsolutePath());
            return generated.toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or write the keystore passphrase file " + file + ": " + e.getMessage(), e);
        }
    }
}
