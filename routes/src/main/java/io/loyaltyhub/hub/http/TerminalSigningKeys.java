package io.loyaltyhub.hub.http;

import io.loyaltyhub.domain.crypto.KeyWrap;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.terminal.TerminalOwnership;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.persistence.Database;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Terminals' request-signing secrets in {@code terminal_signing_key}, wrapped by the keystore's master key
 * with the merchant and terminal as associated data. Every statement names the merchant. Look-ups are cached
 * for {@code cacheTtl}, like terminal credentials, so a new or removed key takes effect within that time.
 */
public final class TerminalSigningKeys {
    private record Cached(Optional<byte[]> secret, Instant loadedAt) {
    }

    private final Database database;
    private final KeyWrap masterKey;
    private final Clock clock;
    private final Duration cacheTtl;
    private final ConcurrentHashMap<Long, Cached> cache = new ConcurrentHashMap<>();

    public TerminalSigningKeys(Database database, byte[] masterKey, Clock clock, Duration cacheTtl) {
        this.database = database;
        this.masterKey = new KeyWrap(masterKey);
        this.clock = clock;
        this.cacheTtl = cacheTtl;
    }

    /** Gives the terminal a new random signing secret (replacing any previous one) and returns it, base64url, to be shown once. */
    public String generate(MerchantId merchant, TerminalId terminal) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String wrapped = Base64.getEncoder().encodeToString(masterKey.seal(secret, associatedData(merchant, terminal)));
        try (Connection c = database.connection()) {
            try {
                TerminalOwnership.require(c, merchant, terminal);
                delete(c, merchant, terminal);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO terminal_signing_key (terminal_id, merchant_id, "
                        + "wrapped_secret, created_at) VALUES (?, ?, ?, ?)")) {
                    ps.setLong(1, terminal.value());
                    ps.setLong(2, merchant.value());
                    ps.setString(3, wrapped);
                    ps.setTimestamp(4, Timestamp.from(clock.instant()));
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the signing key of terminal " + terminal.value() + ": " + e.getMessage(), e);
        }
        cache.remove(terminal.value());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public void remove(MerchantId merchant, TerminalId terminal) {
        try (Connection c = database.connection()) {
            delete(c, merchant, terminal);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not remove the signing key of terminal " + terminal.value() + ": " + e.getMessage(), e);
        }
        cache.remove(terminal.value());
    }

    /** The terminal's secret, or empty when it has none (then it need not sign, unless signing is required for all). */
    public Optional<byte[]> secretOf(MerchantId merchant, TerminalId terminal) {
        Cached cached = cache.get(terminal.value());
        if (cached == null || cached.loadedAt().plus(cacheTtl).isBefore(clock.instant())) {
            cached = new Cached(load(merchant, terminal), clock.instant());
            cache.put(terminal.value(), cached);
        }
        return cached.secret().map(byte[]::clone);
    }

    private Optional<byte[]> load(MerchantId merchant, TerminalId terminal) {
        String wrapped;
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT wrapped_secret FROM terminal_signing_key WHERE merchant_id = ? AND terminal_id = ?")) {
            ps.setLong(1, merchant.value());
            ps.setLong(2, terminal.value());
            try (ResultSet rs = ps.executeQuery()) {
                wrapped = rs.next() ? rs.getString(1) : null;
            }
            c.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("signing key look-up failed: " + e.getMessage(), e);
        }
        if (wrapped == null) {
            return Optional.empty();
        }
        // Fails closed: a key that does not unwrap throws, so the request is refused rather than let through unsigned.
        return Optional.of(masterKey.open(Base64.getDecoder().decode(wrapped), associatedData(merchant, terminal)));
    }

    /** Master key rotation: re-wraps every signing secret under {@code newMasterKey}; secrets already under it are left alone. */
    public int rewrapUnder(Connection c, byte[] newMasterKey) throws SQLException {
        KeyWrap next = new KeyWrap(newMasterKey);
        int moved = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT merchant_id, terminal_id, wrapped_secret FROM terminal_signing_key");
             PreparedStatement update = c.prepareStatement(
                     "UPDATE terminal_signing_key SET wrapped_secret = ? WHERE merchant_id = ? AND terminal_id = ?");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                MerchantId merchant = new MerchantId(rs.getLong(1));
                TerminalId terminal = new TerminalId(rs.getLong(2));
                String aad = associatedData(merchant, terminal);
                byte[] sealed = Base64.getDecoder().decode(rs.getString(3));
                byte[] secret;
                try {
                    secret = masterKey.open(sealed, aad);
                } catch (KeyWrap.SealBrokenException notUnderTheOldKey) {
                    next.open(sealed, aad);
                    continue;
                }
                update.setString(1, Base64.getEncoder().encodeToString(next.seal(secret, aad)));
                update.setLong(2, merchant.value());
                update.setLong(3, terminal.value());
                update.executeUpdate();
                moved++;
            }
        }
        cache.clear();
        return moved;
    }

    private static String associatedData(MerchantId merchant, TerminalId terminal) {
        return "terminal_signing_key:" + merchant.value() + ":" + terminal.value();
    }

    private static void delete(Connection c, MerchantId merchant, TerminalId terminal) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM terminal_signing_key WHERE merchant_id = ? AND terminal_id = ?")) {
            ps.setLong(1, merchant.value());
            ps.setLong(2, terminal.value());
            ps.executeUpdate();
        }
    }
}
