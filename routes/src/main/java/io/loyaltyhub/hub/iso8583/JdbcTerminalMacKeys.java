package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.adapters.iso8583.MacKey;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.terminal.WrappedTerminalSecrets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Terminal MAC keys in table {@code terminal_mac_key}, wrapped under the hub's master key with the terminal id as
 * associated data ({@link WrappedTerminalSecrets}). Every statement names the merchant: a terminal id alone never
 * reaches another merchant's row. Without a master key, a terminal that has a stored key cannot be served (fail
 * closed). The listeners' look-ups are cached for {@code cacheTtl} (like terminals themselves), so a key assigned or
 * removed by the operator takes effect on a running hub within that time, and a message costs no database round trip.
 */
public final class JdbcTerminalMacKeys implements TerminalMacKeys {
    private final WrappedTerminalSecrets keys;

    /** @param masterKey the keystore's master key (32 bytes), or null when none is available */
    public JdbcTerminalMacKeys(Database database, byte[] masterKey, Clock clock) {
        this(database, masterKey, clock, Duration.ZERO);
    }

    /** As above, remembering each terminal's key (or that it has none) for {@code cacheTtl}. */
    public JdbcTerminalMacKeys(Database database, byte[] masterKey, Clock clock, Duration cacheTtl) {
        this.keys = new WrappedTerminalSecrets(database, WrappedTerminalSecrets.Kind.MAC_KEY, masterKey, clock, cacheTtl);
    }

    /** @param keyEncryptionKeyHex 64 hex characters, or null when the hub has none configured */
    public JdbcTerminalMacKeys(Database database, String keyEncryptionKeyHex, Clock clock) {
        this(database, keyEncryptionKeyHex == null || keyEncryptionKeyHex.isBlank() ? null : keyEncryptionKey(keyEncryptionKeyHex),
                clock, Duration.ZERO);
    }

    private static byte[] keyEncryptionKey(String hex) {
        if (!hex.matches("[0-9A-Fa-f]{64}")) {
            throw new IllegalArgumentException("the ISO 8583 key-encryption key is 64 hex characters");
        }
        return HexFormat.of().parseHex(hex);
    }

    /**
     * Moves MAC keys wrapped under a pre-keystore key-encryption key file to the master key; rows that
     * already open under the master key are left alone, and so are rows that open under neither (the terminal
     * is refused, 96, when it calls). Returns how many moved.
     */
    public int rewrapFromLegacyKey(byte[] legacyKeyEncryptionKey) {
        return keys.adoptFrom(Arrays.copyOf(legacyKeyEncryptionKey, 32));
    }

    /** Gives a terminal of this merchant a MAC key (replacing any previous one); from then on field 64 is mandatory for it. */
    public String assign(MerchantId merchant, TerminalId terminal, String keyHex) {
        MacKey key = MacKey.ofHex(keyHex);
        byte[] clear = HexFormat.of().parseHex(keyHex);
        try {
            keys.replace(merchant, terminal, clear, key.checkValue());
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
        return key.checkValue();
    }

    /** Takes a terminal's key away: it may then send unsigned messages again (on listeners that allow that). */
    public void remove(MerchantId merchant, TerminalId terminal) {
        keys.remove(merchant, terminal);
    }

    @Override
    public Optional<MacKey> keyOf(TerminalIdentity terminal) {
        return keys.secretOf(terminal.merchantId(), terminal.terminalId()).map(clear -> {
            try {
                return MacKey.of(clear);
            } finally {
                Arrays.fill(clear, (byte) 0);
            }
        });
    }
}
