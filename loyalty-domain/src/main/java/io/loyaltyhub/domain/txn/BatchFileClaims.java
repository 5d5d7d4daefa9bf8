package io.loyaltyhub.domain.txn;

import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HexFormat;

/**
 * Claims on dropped batch files ({@code batch_file_claim}) in the database the hub nodes share: one node at a time
 * holds a file, for a lease it renews while it works on it. A claim whose lease ran out (its node was killed, or
 * lost the database for longer than the lease) is taken over by the next node that asks. Keys are stored as their
 * SHA-256, so a card number in a file's name never reaches the database.
 */
public final class BatchFileClaims {
    private static final String INSERT = "INSERT INTO batch_file_claim (claim_key, holder, lease_until) VALUES (?, ?, ?)";
    private static final String TAKE_OVER = "UPDATE batch_file_claim SET holder = ?, lease_until = ?"
            + " WHERE claim_key = ? AND (holder = ? OR lease_until < ?)";
    private static final String RENEW = "UPDATE batch_file_claim SET lease_until = ? WHERE claim_key = ? AND holder = ?";
    private static final String RELEASE = "DELETE FROM batch_file_claim WHERE claim_key = ? AND holder = ?";
    private static final String HOLDER_OF = "SELECT holder FROM batch_file_claim WHERE claim_key = ? AND lease_until >= ?";

    private final Database database;

    public BatchFileClaims(Database database) {
        this.database = database;
    }

    /**
     * Claims the file for {@code holder} until {@code leaseUntil}: true when it was free, already this holder's, or
     * held by another whose lease ran out before {@code now}; false while another holder's lease runs.
     */
    public boolean claim(String key, String holder, Instant now, Instant leaseUntil) {
        String stored = stored(key);
        try (Connection c = database.connection()) {
            try (PreparedStatement insert = CoalitionSql.on(c).prepare(INSERT)) {
                insert.setString(1, stored);
                insert.setString(2, holder);
                insert.setTimestamp(3, utc(leaseUntil));
                insert.executeUpdate();
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                if (!Sql.isDuplicateKey(e)) {
                    throw e;
                }
            }
            try (PreparedStatement takeOver = CoalitionSql.on(c).prepare(TAKE_OVER)) {
                takeOver.setString(1, holder);
                takeOver.setTimestamp(2, utc(leaseUntil));
                takeOver.setString(3, stored);
                takeOver.setString(4, holder);
                takeOver.setTimestamp(5, utc(now));
                boolean claimed = takeOver.executeUpdate() == 1;
                c.commit();
                return claimed;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim the batch file: " + e.getMessage(), e);
        }
    }

    /** Extends this holder's leases on the given files (those another node took over meanwhile are left alone). */
    public void renew(Collection<String> keys, String holder, Instant leaseUntil) {
        if (keys.isEmpty()) {
            return;
        }
        try (Connection c = database.connection();
             PreparedStatement renew = CoalitionSql.on(c).prepare(RENEW)) {
            for (String key : keys) {
                renew.setTimestamp(1, utc(leaseUntil));
                renew.setString(2, stored(key));
                renew.setString(3, holder);
                renew.addBatch();
            }
            renew.executeBatch();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot renew the batch file claims: " + e.getMessage(), e);
        }
    }

    /** Gives the claim up (the file has left the inbox, or this node did not take it after all). */
    public void release(String key, String holder) {
        try (Connection c = database.connection();
             PreparedStatement release = CoalitionSql.on(c).prepare(RELEASE)) {
            release.setString(1, stored(key));
            release.setString(2, holder);
            release.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release the batch file claim: " + e.getMessage(), e);
        }
    }

    /** Whether some holder's lease on the file still runs at {@code now}. */
    public boolean isHeld(String key, Instant now) {
        try (Connection c = database.connection();
             PreparedStatement select = CoalitionSql.on(c).prepare(HOLDER_OF)) {
            select.setString(1, stored(key));
            select.setTimestamp(2, utc(now));
            try (var rows = select.executeQuery()) {
                boolean held = rows.next();
                c.commit();
                return held;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the batch file claims: " + e.getMessage(), e);
        }
    }

    private static String stored(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp utc(Instant instant) {
        return Sql.timestamp(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
