package io.loyaltyhub.hub.pgp;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/** Merchants' OpenPGP public keys for encrypted report downloads, in {@code merchant_pgp_key}; every statement names the merchant. */
public final class MerchantPgpKeys {
    private final Database database;
    private final Clock clock;

    public MerchantPgpKeys(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Registers (or replaces) the merchant's key; returns its fingerprint. A key that reports could not be encrypted
     * to (no usable encryption subkey) is refused here rather than failing every download later.
     */
    public String register(MerchantId merchant, String armoredText) {
        ArmoredPublicKey key = ArmoredPublicKey.parse(armoredText);
        OpenPgpEncryption.encryptionKeyOf(key);
        try (Connection c = database.connection()) {
            try {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM merchant_pgp_key WHERE merchant_id = ?")) {
                    delete.setLong(1, merchant.value());
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO merchant_pgp_key (merchant_id, fingerprint, "
                        + "armored_key, created_at) VALUES (?, ?, ?, ?)")) {
                    insert.setLong(1, merchant.value());
                    insert.setString(2, key.fingerprint());
                    insert.setString(3, key.armored());
                    insert.setTimestamp(4, Timestamp.from(clock.instant()));
                    insert.executeUpdate();
                }
                c.commit();
                return key.fingerprint();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the OpenPGP key of merchant " + merchant.value() + ": " + e.getMessage(), e);
        }
    }

    /** The merchant's registered key, if any (reports are then encrypted to it). */
    public Optional<ArmoredPublicKey> keyOf(MerchantId merchant) {
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT armored_key, fingerprint FROM merchant_pgp_key WHERE merchant_id = ?")) {
            ps.setLong(1, merchant.value());
            try (ResultSet rs = ps.executeQuery()) {
                Optional<ArmoredPublicKey> key = rs.next() ? Optional.of(new ArmoredPublicKey(rs.getString(1), rs.getString(2)))
                        : Optional.empty();
                c.rollback();
                return key;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("OpenPGP key look-up failed: " + e.getMessage(), e);
        }
    }
}
