package io.loyaltyhub.domain.webhook;

import io.loyaltyhub.domain.crypto.KeyWrap;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.MerchantSql;
import io.loyaltyhub.domain.terminal.TerminalOwnership;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Merchants' connections to cloud POS providers ({@code webhook_connection}), one per merchant and provider. The
 * signing secret is sealed under the keystore's master key with merchant and provider as associated data, so a sealed
 * secret copied to another merchant's or provider's row does not open. Every statement names its merchant.
 */
public final class WebhookConnections {
    private static final String SELECT = "SELECT store_id, terminal_id, account_ref, notification_url, wrapped_secret, currency "
            + "FROM webhook_connection WHERE merchant_id = :merchant AND provider = ?";

    private final Database database;
    private final KeyWrap masterKey;
    private final Clock clock;

    public WebhookConnections(Database database, byte[] masterKey, Clock clock) {
        this.database = database;
        this.masterKey = new KeyWrap(masterKey);
        this.clock = clock;
    }

    /**
     * Connects (or re-connects, replacing the earlier secret and settings) the merchant's account at a provider.
     *
     * @throws IllegalArgumentException when the terminal is not this merchant's
     */
    public void connect(WebhookConnection connection) {
        MerchantId merchant = connection.merchant();
        String sealed = seal(masterKey, connection.secret(), merchant, connection.provider());
        try (Connection c = database.connection()) {
            try {
                TerminalOwnership.require(c, merchant, connection.terminal());
                MerchantSql sql = MerchantSql.on(c, merchant);
                try (PreparedStatement delete = sql.prepare(
                        "DELETE FROM webhook_connection WHERE merchant_id = :merchant AND provider = ?")) {
                    delete.setString(1, connection.provider());
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = sql.prepare("INSERT INTO webhook_connection (merchant_id, provider, "
                        + "store_id, terminal_id, account_ref, notification_url, wrapped_secret, created_at, currency) "
                        + "VALUES (:merchant, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, connection.provider());
                    insert.setLong(2, connection.store().value());
                    insert.setLong(3, connection.terminal().value());
                    insert.setString(4, connection.accountRef());
                    insert.setString(5, connection.notificationUrl());
                    insert.setString(6, sealed);
                    insert.setTimestamp(7, Timestamp.from(clock.instant()));
                    insert.setString(8, connection.currency());
                    insert.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the " + connection.provider() + " connection of merchant "
                    + merchant.value() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The merchant's connection to this provider, or empty when it has none.
     *
     * @throws IllegalStateException when the stored secret does not open under the master key (fail closed)
     */
    public Optional<WebhookConnection> find(MerchantId merchant, String provider) {
        try (Connection c = database.connection();
             PreparedStatement ps = MerchantSql.on(c, merchant).prepare(SELECT)) {
            ps.setString(1, provider);
            try (ResultSet rs = ps.executeQuery()) {
                Optional<WebhookConnection> found = Optional.empty();
                if (rs.next()) {
                    byte[] secret = open(masterKey, rs.getString(5), merchant, provider);
                    found = Optional.of(new WebhookConnection(merchant, provider, new StoreId(rs.getLong(1)),
                            new TerminalId(rs.getLong(2)), rs.getString(3), rs.getString(4), secret, rs.getString(6)));
                }
                c.rollback();
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("webhook connection look-up failed: " + e.getMessage(), e);
        } catch (KeyWrap.SealBrokenException e) {
            throw new IllegalStateException("the " + provider + " secret of merchant " + merchant.value()
                    + " does not open under the hub's master key");
        }
    }

    /**
     * Master key rotation, in the caller's transaction: every merchant's secrets re-sealed under {@code nextMasterKey};
     * rows already under it (an interrupted earlier run) are left alone. Returns how many moved.
     */
    public int rewrapUnder(Connection c, byte[] nextMasterKey) throws SQLException {
        KeyWrap next = new KeyWrap(nextMasterKey);
        int moved = 0;
        for (MerchantId merchant : merchants(c)) {
            List<String[]> rows = new ArrayList<>();
            try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare(
                    "SELECT provider, wrapped_secret FROM webhook_connection WHERE merchant_id = :merchant");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] row : rows) {
                if (opens(next, row[1], merchant, row[0])) {
                    continue;
                }
                byte[] secret = open(masterKey, row[1], merchant, row[0]);
                try (PreparedStatement update = MerchantSql.on(c, merchant).prepare("UPDATE webhook_connection "
                        + "SET wrapped_secret = ? WHERE merchant_id = :merchant AND provider = ?")) {
                    update.setString(1, seal(next, secret, merchant, row[0]));
                    update.setString(2, row[0]);
                    update.executeUpdate();
                } finally {
                    java.util.Arrays.fill(secret, (byte) 0);
                }
                moved++;
            }
        }
        return moved;
    }

    private static List<MerchantId> merchants(Connection c) throws SQLException {
        List<MerchantId> merchants = new ArrayList<>();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id FROM merchant ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                merchants.add(new MerchantId(rs.getLong(1)));
            }
        }
        return merchants;
    }

    private static String seal(KeyWrap key, byte[] secret, MerchantId merchant, String provider) {
        return Base64.getEncoder().encodeToString(key.seal(secret, associatedData(merchant, provider)));
    }

    private static byte[] open(KeyWrap key, String stored, MerchantId merchant, String provider) {
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException notEvenEncoded) {
            throw new KeyWrap.SealBrokenException();
        }
        return key.open(sealed, associatedData(merchant, provider));
    }

    private static boolean opens(KeyWrap key, String stored, MerchantId merchant, String provider) {
        try {
            java.util.Arrays.fill(open(key, stored, merchant, provider), (byte) 0);
            return true;
        } catch (KeyWrap.SealBrokenException no) {
            return false;
        }
    }

    private static String associatedData(MerchantId merchant, String provider) {
        return "webhook_connection:" + merchant.value() + ":" + provider;
    }
}
