package io.loyaltyhub.domain.member;

import io.loyaltyhub.domain.crypto.KeyWrap;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * Data keys for personal data, in table {@code data_key}: AES-256 keys, one current version per owner (the
 * operator, or one merchant), stored wrapped by the master key with the owner, version and row id as associated
 * data. A destroyed key keeps its row (so it is on record that it existed and when it went) without its material.
 */
public final class DataKeys {
    public static final String OPERATOR = "operator";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final KeyWrap masterKey;
    private final IdGenerator ids;
    private final Clock clock;

    public DataKeys(Database database, byte[] masterKey, IdGenerator ids, Clock clock) {
        this.database = database;
        this.masterKey = new KeyWrap(masterKey);
        this.ids = ids;
        this.clock = clock;
    }

    public static String ownerOf(MerchantId merchant) {
        return "merchant:" + merchant.value();
    }

    /** A usable data key: its row id and the key itself. */
    public record DataKey(long id, KeyWrap key) {
    }

    /** The owner's current key, created on first use. */
    DataKey currentFor(Connection c, String ownerRef, MerchantId merchant) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id, version, wrapped_key, status FROM data_key WHERE owner_ref = ? "
                + "ORDER BY version DESC")) {
            ps.setString(1, ownerRef);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (!"ACTIVE".equals(rs.getString(4))) {
                        throw new DataKeyDestroyedException(ownerRef);
                    }
                    return new DataKey(rs.getLong(1), unwrap(ownerRef, rs.getLong(1), rs.getInt(2), rs.getString(3)));
                }
            }
        }
        long id = ids.nextId();
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO data_key (id, owner_ref, merchant_id, version, wrapped_key, "
                + "status, created_at) VALUES (?, ?, ?, 1, ?, 'ACTIVE', ?)")) {
            ps.setLong(1, id);
            ps.setString(2, ownerRef);
            ps.setObject(3, merchant == null ? null : merchant.value());
            ps.setString(4, Base64.getEncoder().encodeToString(masterKey.seal(key, associatedData(ownerRef, id, 1))));
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        }
        return new DataKey(id, new KeyWrap(key));
    }

    /** The key of a given row, for reading; throws {@link DataKeyDestroyedException} once it was destroyed. */
    KeyWrap byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT owner_ref, version, wrapped_key, status FROM data_key WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no data key " + id);
                }
                if (!"ACTIVE".equals(rs.getString(4)) || rs.getString(3) == null) {
                    throw new DataKeyDestroyedException(rs.getString(1));
                }
                return unwrap(rs.getString(1), id, rs.getInt(2), rs.getString(3));
            }
        }
    }

    /** Crypto-shredding: deletes the key material of every version of the owner's keys. Returns how many keys were destroyed. */
    int destroyAll(Connection c, String ownerRef) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("UPDATE data_key SET wrapped_key = NULL, status = 'DESTROYED', "
                + "destroyed_at = ? WHERE owner_ref = ? AND status = 'ACTIVE'")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, ownerRef);
            return ps.executeUpdate();
        }
    }

    /**
     * Master key rotation: re-wraps every data key still held under {@code newMasterKey}. Keys already under the new
     * master key (an interrupted earlier run) are left alone. Returns how many were re-wrapped.
     */
    public int rewrapUnder(Connection c, byte[] newMasterKey) throws SQLException {
        KeyWrap next = new KeyWrap(newMasterKey);
        int moved = 0;
        try (PreparedStatement select = CoalitionSql.on(c).prepare("SELECT id, owner_ref, version, wrapped_key FROM data_key "
                + "WHERE wrapped_key IS NOT NULL ORDER BY id");
             PreparedStatement update = CoalitionSql.on(c).prepare("UPDATE data_key SET wrapped_key = ? WHERE id = ?");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String aad = associatedData(rs.getString(2), rs.getLong(1), rs.getInt(3));
                byte[] sealed = Base64.getDecoder().decode(rs.getString(4));
                byte[] key;
                try {
                    key = masterKey.open(sealed, aad);
                } catch (KeyWrap.SealBrokenException notUnderTheOldKey) {
                    next.open(sealed, aad); // already moved; anything else is an error that must stop the rotation
                    continue;
                }
                update.setString(1, Base64.getEncoder().encodeToString(next.seal(key, aad)));
                update.setLong(2, rs.getLong(1));
                update.executeUpdate();
                java.util.Arrays.fill(key, (byte) 0);
                moved++;
            }
        }
        return moved;
    }

    Optional<String> statusOf(String ownerRef) {
        try (Connection c = database.connection(); PreparedStatement ps = CoalitionSql.on(c).prepare(
                "SELECT status FROM data_key WHERE owner_ref = ? ORDER BY version DESC")) {
            ps.setString(1, ownerRef);
            try (ResultSet rs = ps.executeQuery()) {
                Optional<String> status = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                c.rollback();
                return status;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("data key look-up failed: " + e.getMessage(), e);
        }
    }

    private KeyWrap unwrap(String ownerRef, long id, int version, String wrapped) {
        byte[] key = masterKey.open(Base64.getDecoder().decode(wrapped), associatedData(ownerRef, id, version));
        try {
            return new KeyWrap(key);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    private static String associatedData(String ownerRef, long id, int version) {
        return "data_key:" + ownerRef + ":" + id + ":v" + version;
    }

    /** Personal data of an owner whose keys were destroyed: it can no longer be read by anyone. */
    public static final class DataKeyDestroyedException extends RuntimeException {
        public DataKeyDestroyedException(String ownerRef) {
            super("the data keys of " + ownerRef + " were destroyed; its personal data can no longer be read", null, false, false);
        }
    }
}
