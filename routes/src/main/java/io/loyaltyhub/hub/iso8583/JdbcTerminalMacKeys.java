package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.adapters.iso8583.MacKey;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.terminal.TerminalOwnership;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Terminal MAC keys in table {@code terminal_mac_key}, wrapped under the hub's key-encryption key. Every
 * statement names the merchant: a terminal id alone never reaches another merchant's row. Without a
 * key-encryption key configured, a terminal that has a stored key cannot be served (fail closed).
 * The listeners' look-ups are cached for {@code cacheTtl} (like terminals themselves), so a key assigned or
 * removed by the operator takes effect on a running hub within that time, and a message costs no database
 * round trip.
 */
public final class JdbcTerminalMacKeys implements TerminalMacKeys {
    private record Cached(Optional<MacKey> key, Instant loadedAt) {
    }

    private final Database database;
    private final MacKeyWrapping wrapping;
    private final Clock clock;
    private final Duration cacheTtl;
    private final ConcurrentHashMap<Long, Cached> cache = new ConcurrentHashMap<>();

    /** @param masterKey the keystore's master key (32 bytes), or null when none is available */
    public JdbcTerminalMacKeys(Database database, byte[] masterKey, Clock clock) {
        this(database, masterKey, clock, Duration.ZERO);
    }

    /** As above, remembering each terminal's key (or that it has none) for {@code cacheTtl}. */
    public JdbcTerminalMacKeys(Database database, byte[] masterKey, Clock clock, Duration cacheTtl) {
        this.database = database;
        this.wrapping = masterKey == null ? null : new MacKeyWrapping(masterKey);
        this.clock = clock;
        this.cacheTtl = cacheTtl;
    }

    /** @param keyEncryptionKeyHex 64 hex characters, or null when the hub has none configured */
    public JdbcTerminalMacKeys(Database database, String keyEncryptionKeyHex, Clock clock) {
        this.database = database;
        this.wrapping = keyEncryptionKeyHex == null || keyEncryptionKeyHex.isBlank() ? null : MacKeyWrapping.ofHex(keyEncryptionKeyHex);
        this.clock = clock;
        this.cacheTtl = Duration.ZERO;
    }

    /**
     * Moves MAC keys wrapped under a pre-keystore key-encryption key file to the master key; rows that
     * already open under the master key are left alone. Returns how many moved.
     */
    public int rewrapFromLegacyKey(byte[] legacyKeyEncryptionKey) {
        MacKeyWrapping legacy = new MacKeyWrapping(java.util.Arrays.copyOf(legacyKeyEncryptionKey, 32));
        MacKeyWrapping usable = requireWrapping();
        int moved = 0;
        try (Connection c = database.connection()) {
            try (PreparedStatement select = c.prepareStatement("SELECT terminal_id, merchant_id, wrapped_key FROM terminal_mac_key");
                 PreparedStatement update = c.prepareStatement(
                         "UPDATE terminal_mac_key SET wrapped_key = ? WHERE merchant_id = ? AND terminal_id = ?");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long terminal = rs.getLong(1);
                    String wrapped = rs.getString(3);
                    try {
                        usable.unwrap(wrapped, terminal);
                        continue;
                    } catch (IllegalStateException notYetMoved) {
                        // wrapped under the legacy key: move it below
                    }
                    byte[] clear;
                    try {
                        clear = legacy.unwrapBytes(wrapped, terminal);
                    } catch (IllegalStateException neither) {
                        continue; // opens under neither key: left as is, and the terminal is refused (96) when it calls
                    }
                    update.setString(1, usable.wrap(clear, terminal));
                    update.setLong(2, rs.getLong(2));
                    update.setLong(3, terminal);
                    update.executeUpdate();
                    moved++;
                }
            }
            c.commit();
            return moved;
        } catch (SQLException e) {
            throw new IllegalStateException("could not re-wrap MAC keys: " + e.getMessage(), e);
        }
    }

    /** Gives a terminal of this merchant a MAC key (replacing any previous one); from then on field 64 is mandatory for it. */
    public String assign(MerchantId merchant, TerminalId terminal, String keyHex) {
        MacKey key = MacKey.ofHex(keyHex);
        MacKeyWrapping usable = requireWrapping();
        try (Connection c = database.connection()) {
            try {
                TerminalOwnership.require(c, merchant, terminal);
                delete(c, merchant, terminal);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO terminal_mac_key "
                        + "(terminal_id, merchant_id, wrapped_key, check_value, created_at) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setLong(1, terminal.value());
                    ps.setLong(2, merchant.value());
                    ps.setString(3, usable.wrap(HexFormat.of().parseHex(keyHex), terminal.value()));
                    ps.setString(4, key.checkValue());
                    ps.setTimestamp(5, Timestamp.from(clock.instant()));
                    ps.executeUpdate();
                }
                c.commit();
                cache.remove(terminal.value());
                return key.checkValue();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the MAC key of terminal " + terminal.value() + ": " + e.getMessage(), e);
        }
    }

    /** Takes a terminal's key away: it may then send unsigned messages again (on listeners that allow that). */
    public void remove(MerchantId merchant, TerminalId terminal) {
        try (Connection c = database.connection()) {
            delete(c, merchant, terminal);
            c.commit();
            cache.remove(terminal.value());
        } catch (SQLException e) {
            throw new IllegalStateException("could not remove the MAC key of terminal " + terminal.value() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<MacKey> keyOf(TerminalIdentity terminal) {
        Cached cached = cache.get(terminal.terminalId().value());
        if (cached != null && !cached.loadedAt().plus(cacheTtl).isBefore(clock.instant())) {
            return cached.key();
        }
        Optional<MacKey> key = load(terminal);
        if (!cacheTtl.isZero()) {
            cache.put(terminal.terminalId().value(), new Cached(key, clock.instant()));
        }
        return key;
    }

    private Optional<MacKey> load(TerminalIdentity terminal) {
        String wrapped;
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT wrapped_key FROM terminal_mac_key WHERE merchant_id = ? AND terminal_id = ?")) {
            ps.setLong(1, terminal.merchantId().value());
            ps.setLong(2, terminal.terminalId().value());
            try (ResultSet rs = ps.executeQuery()) {
                wrapped = rs.next() ? rs.getString(1) : null;
            }
            c.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("MAC key look-up failed: " + e.getMessage(), e);
        }
        if (wrapped == null) {
            return Optional.empty();
        }
        return Optional.of(requireWrapping().unwrap(wrapped, terminal.terminalId().value()));
    }

    private MacKeyWrapping requireWrapping() {
        if (wrapping == null) {
            throw new IllegalStateException("no ISO 8583 key-encryption key is configured, so terminal MAC keys cannot be used");
        }
        return wrapping;
    }

    private static void delete(Connection c, MerchantId merchant, TerminalId terminal) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM terminal_mac_key WHERE merchant_id = ? AND terminal_id = ?")) {
            ps.setLong(1, merchant.value());
            ps.setLong(2, terminal.value());
            ps.executeUpdate();
        }
    }
}
