package io.loyaltyhub.domain.merchant;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Merchants' OpenPGP public keys (armored text and fingerprint, one per merchant) in {@code merchant_pgp_key}. Parsing
 * and checking a key is the caller's (the hub's OpenPGP code); this keeps what it accepted.
 */
public final class MerchantPgpKeyStore {
    /** A stored key as registered. */
    public record StoredKey(String armored, String fingerprint) {
    }

    private final Database database;

    public MerchantPgpKeyStore(Database database) {
        this.database = database;
    }

    /** Registers the merchant's key, replacing any earlier one, in one transaction. */
    public void replace(MerchantId merchant, StoredKey key, Instant at) {
        try (Connection c = database.connection()) {
            try {
                MerchantSql sql = MerchantSql.on(c, merchant);
                try (PreparedStatement delete = sql.prepare("DELETE FROM merchant_pgp_key WHERE merchant_id = :merchant")) {
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = sql.prepare("INSERT INTO merchant_pgp_key (merchant_id, fingerprint, "
                        + "armored_key, created_at) VALUES (:merchant, ?, ?, ?)")) {
                    insert.setString(1, key.fingerprint());
                    insert.setString(2, key.armored());
                    insert.setTimestamp(3, Timestamp.from(at));
                    insert.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the OpenPGP key of merchant " + merchant.value() + ": "
                    + e.getMessage(), e);
        }
    }

    public Optional<StoredKey> keyOf(MerchantId merchant) {
        try (Connection c = database.connection(); PreparedStatement ps = MerchantSql.on(c, merchant).prepare(
                "SELECT armored_key, fingerprint FROM merchant_pgp_key WHERE merchant_id = :merchant")) {
            try (ResultSet rs = ps.executeQuery()) {
                Optional<StoredKey> key = rs.next() ? Optional.of(new StoredKey(rs.getString(1), rs.getString(2)))
                        : Optional.empty();
                c.rollback();
                return key;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("OpenPGP key look-up failed: " + e.getMessage(), e);
        }
    }
}
