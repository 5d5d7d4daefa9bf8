package io.loyaltyhub.domain.terminal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.loyaltyhub.domain.crypto.KeyWrap;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.persistence.AcrossMerchants;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.MerchantSql;
import io.loyaltyhub.domain.time.ClockTicker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One terminal secret per terminal at most, in a table of its own ({@link Kind}), stored sealed under the hub's
 * master key (AES-256-GCM, {@link KeyWrap}) with associated data naming the terminal, so a sealed value copied onto
 * another terminal's row does not open; never in clear. Every statement on a terminal's row names its merchant. Reads
 * are cached per merchant and terminal for {@code cacheTtl} on the given clock (so a secret given or taken away on
 * another hub node takes effect here within that time; on this node at once), including the answer that a terminal
 * has none. Shared by the request-signing secrets of HTTP terminals and the ISO 8583 MAC keys.
 */
public final class WrappedTerminalSecrets {
    private static final String SIGNING_SELECT =
            "SELECT wrapped_secret FROM terminal_signing_key WHERE merchant_id = :merchant AND terminal_id = ?";
    private static final String SIGNING_DELETE = "DELETE FROM terminal_signing_key WHERE merchant_id = :merchant AND terminal_id = ?";
    private static final String SIGNING_INSERT =
            "INSERT INTO terminal_signing_key (terminal_id, merchant_id, wrapped_secret, created_at) VALUES (?, :merchant, ?, ?)";
    /** Why re-wrapping reads every merchant's rows at once. */
    private static final String KEY_ROTATION = "operator key rotation: every terminal's secret is re-wrapped under "
            + "the new master key (each row then updated as its own merchant's)";
    private static final String SIGNING_SELECT_ALL = "SELECT merchant_id, terminal_id, wrapped_secret FROM terminal_signing_key";
    private static final String SIGNING_UPDATE =
            "UPDATE terminal_signing_key SET wrapped_secret = ? WHERE merchant_id = :merchant AND terminal_id = ?";

    private static final String MAC_SELECT = "SELECT wrapped_key FROM terminal_mac_key WHERE merchant_id = :merchant AND terminal_id = ?";
    private static final String MAC_DELETE = "DELETE FROM terminal_mac_key WHERE merchant_id = :merchant AND terminal_id = ?";
    private static final String MAC_INSERT =
            "INSERT INTO terminal_mac_key (terminal_id, merchant_id, wrapped_key, check_value, created_at) VALUES (?, :merchant, ?, ?, ?)";
    private static final String MAC_SELECT_ALL = "SELECT merchant_id, terminal_id, wrapped_key FROM terminal_mac_key";
    private static final String MAC_UPDATE = "UPDATE terminal_mac_key SET wrapped_key = ? WHERE merchant_id = :merchant AND terminal_id = ?";

    /** The tables of terminal secrets, each with its statements and its stored form (kept as it always was). */
    public enum Kind {
        /** HTTP request-signing secrets: base64, bound to merchant and terminal. */
        SIGNING_SECRET("signing key", SIGNING_SELECT, SIGNING_DELETE, SIGNING_INSERT, SIGNING_SELECT_ALL, SIGNING_UPDATE) {
            @Override
            String associatedData(MerchantId merchant, TerminalId terminal) {
                return "terminal_signing_key:" + merchant.value() + ":" + terminal.value();
            }

            @Override
            String text(byte[] sealed) {
                return Base64.getEncoder().encodeToString(sealed);
            }

            @Override
            byte[] bytes(String stored) {
                return Base64.getDecoder().decode(stored);
            }
        },
        /** ISO 8583 MAC keys: hex, bound to the terminal (with a check value beside them for operators). */
        MAC_KEY("MAC key", MAC_SELECT, MAC_DELETE, MAC_INSERT, MAC_SELECT_ALL, MAC_UPDATE) {
            @Override
            String associatedData(MerchantId merchant, TerminalId terminal) {
                return "terminal:" + terminal.value();
            }

            @Override
            String text(byte[] sealed) {
                return HexFormat.of().formatHex(sealed);
            }

            @Override
            byte[] bytes(String stored) {
                return HexFormat.of().parseHex(stored);
            }
        };

        private final String what;
        private final String select;
        private final String delete;
        private final String insert;
        private final String selectAll;
        private final String update;

        Kind(String what, String select, String delete, String insert, String selectAll, String update) {
            this.what = what;
            this.select = select;
            this.delete = delete;
            this.insert = insert;
            this.selectAll = selectAll;
            this.update = update;
        }

        abstract String associatedData(MerchantId merchant, TerminalId terminal);

        abstract String text(byte[] sealed);

        abstract byte[] bytes(String stored);

        String seal(KeyWrap key, byte[] secret, MerchantId merchant, TerminalId terminal) {
            return text(key.seal(secret, associatedData(merchant, terminal)));
        }

        /** @throws KeyWrap.SealBrokenException when the stored value does not open under {@code key} for this terminal */
        byte[] open(KeyWrap key, String stored, MerchantId merchant, TerminalId terminal) {
            byte[] sealed;
            try {
                sealed = bytes(stored);
            } catch (IllegalArgumentException notEvenEncoded) {
                throw new KeyWrap.SealBrokenException();
            }
            return key.open(sealed, associatedData(merchant, terminal));
        }
    }

    private record TerminalOf(MerchantId merchant, TerminalId terminal) {
    }

    private final Database database;
    private final Kind kind;
    private final KeyWrap masterKey;
    private final Clock clock;
    /** Null when the TTL is zero (operator commands): every read goes to the database. */
    private final Cache<TerminalOf, Optional<byte[]>> cache;

    /**
     * @param masterKey the keystore's master key (32 bytes), or null when none is available: then a terminal that has
     *                  a stored secret cannot be served (fail closed), and none can be given one
     */
    public WrappedTerminalSecrets(Database database, Kind kind, byte[] masterKey, Clock clock, Duration cacheTtl) {
        this.database = database;
        this.kind = kind;
        this.masterKey = masterKey == null ? null : new KeyWrap(masterKey);
        this.clock = clock;
        this.cache = cacheTtl.isZero() ? null
                : Caffeine.newBuilder().ticker(ClockTicker.of(clock)).expireAfterWrite(cacheTtl).build();
    }

    /**
     * Gives a terminal of this merchant {@code secret} (replacing any it had). {@code moreColumns} are the values of
     * the kind's columns between the sealed secret and {@code created_at} (the MAC key's check value).
     *
     * @throws IllegalArgumentException when the terminal is not this merchant's
     */
    public void replace(MerchantId merchant, TerminalId terminal, byte[] secret, Object... moreColumns) {
        String sealed = kind.seal(requireMasterKey(), secret, merchant, terminal);
        try (Connection c = database.connection()) {
            try {
                TerminalOwnership.require(c, merchant, terminal);
                delete(c, merchant, terminal);
                try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare(kind.insert)) {
                    int column = 1;
                    ps.setLong(column++, terminal.value());
                    ps.setString(column++, sealed);
                    for (Object value : moreColumns) {
                        ps.setObject(column++, value);
                    }
                    ps.setTimestamp(column, Timestamp.from(clock.instant()));
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the " + kind.what + " of terminal " + terminal.value() + ": "
                    + e.getMessage(), e);
        } finally {
            forget(merchant, terminal);
        }
    }

    /** Takes the terminal's secret away (nothing happens for another merchant's terminal). */
    public void remove(MerchantId merchant, TerminalId terminal) {
        try (Connection c = database.connection()) {
            delete(c, merchant, terminal);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not remove the " + kind.what + " of terminal " + terminal.value() + ": "
                    + e.getMessage(), e);
        } finally {
            forget(merchant, terminal);
        }
    }

    /**
     * The terminal's secret (a copy the caller may wipe), or empty when it has none.
     *
     * @throws IllegalStateException when the stored secret does not open under the master key, or there is none:
     *                               the terminal is refused, never let through unsigned
     */
    public Optional<byte[]> secretOf(MerchantId merchant, TerminalId terminal) {
        TerminalOf key = new TerminalOf(merchant, terminal);
        Optional<byte[]> secret = cache == null ? read(key) : cache.get(key, this::read);
        return secret.map(byte[]::clone);
    }

    /**
     * Master key rotation, in the caller's transaction: re-wraps every row of every merchant under
     * {@code newMasterKey}; rows already under it (an interrupted earlier run) are left alone. A row that opens under
     * neither key stops the rotation. Returns how many moved.
     */
    public int rewrapUnder(Connection c, byte[] newMasterKey) throws SQLException {
        return rewrap(c, requireMasterKey(), new KeyWrap(newMasterKey), true);
    }

    /**
     * Moves rows sealed under an earlier key (the key-encryption key file of hubs before the keystore) to the master
     * key, in the caller's transaction; rows already under the master key are left alone, and so is a row that opens
     * under neither (its terminal is refused when it calls). Returns how many moved.
     */
    public int adoptFrom(Connection c, byte[] earlierKey) throws SQLException {
        return rewrap(c, new KeyWrap(earlierKey), requireMasterKey(), false);
    }

    /** {@link #adoptFrom(Connection, byte[])} in a transaction of its own. */
    public int adoptFrom(byte[] earlierKey) {
        try (Connection c = database.connection()) {
            try {
                int moved = adoptFrom(c, earlierKey);
                c.commit();
                return moved;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not re-wrap the " + kind.what + "s: " + e.getMessage(), e);
        }
    }

    private int rewrap(Connection c, KeyWrap from, KeyWrap to, boolean strict) throws SQLException {
        int moved = 0;
        try (PreparedStatement select = AcrossMerchants.on(c, KEY_ROTATION).prepare(kind.selectAll);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                MerchantId merchant = new MerchantId(rs.getLong(1));
                TerminalId terminal = new TerminalId(rs.getLong(2));
                String stored = rs.getString(3);
                if (opens(to, stored, merchant, terminal)) {
                    continue;
                }
                byte[] secret;
                try {
                    secret = kind.open(from, stored, merchant, terminal);
                } catch (KeyWrap.SealBrokenException underNeither) {
                    if (strict) {
                        throw underNeither;
                    }
                    continue;
                }
                try (PreparedStatement update = MerchantSql.on(c, merchant).prepare(kind.update)) {
                    try {
                        update.setString(1, kind.seal(to, secret, merchant, terminal));
                    } finally {
                        java.util.Arrays.fill(secret, (byte) 0);
                    }
                    update.setLong(2, terminal.value());
                    update.executeUpdate();
                }
                moved++;
            }
        }
        if (cache != null) {
            cache.invalidateAll();
        }
        return moved;
    }

    private boolean opens(KeyWrap key, String stored, MerchantId merchant, TerminalId terminal) {
        try {
            java.util.Arrays.fill(kind.open(key, stored, merchant, terminal), (byte) 0);
            return true;
        } catch (KeyWrap.SealBrokenException no) {
            return false;
        }
    }

    private Optional<byte[]> read(TerminalOf key) {
        String stored;
        try (Connection c = database.connection();
             PreparedStatement ps = MerchantSql.on(c, key.merchant()).prepare(kind.select)) {
            ps.setLong(1, key.terminal().value());
            try (ResultSet rs = ps.executeQuery()) {
                stored = rs.next() ? rs.getString(1) : null;
            }
            c.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(kind.what + " look-up failed: " + e.getMessage(), e);
        }
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(kind.open(requireMasterKey(), stored, key.merchant(), key.terminal()));
        } catch (KeyWrap.SealBrokenException e) {
            throw new IllegalStateException("the " + kind.what + " of terminal " + key.terminal().value()
                    + " does not open under the hub's master key");
        }
    }

    private void delete(Connection c, MerchantId merchant, TerminalId terminal) throws SQLException {
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare(kind.delete)) {
            ps.setLong(1, terminal.value());
            ps.executeUpdate();
        }
    }

    private void forget(MerchantId merchant, TerminalId terminal) {
        if (cache != null) {
            cache.invalidate(new TerminalOf(merchant, terminal));
        }
    }

    private KeyWrap requireMasterKey() {
        if (masterKey == null) {
            throw new IllegalStateException("no master key is available, so terminal " + kind.what + "s cannot be used");
        }
        return masterKey;
    }
}
