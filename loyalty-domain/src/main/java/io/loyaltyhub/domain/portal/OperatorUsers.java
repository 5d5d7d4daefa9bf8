package io.loyaltyhub.domain.portal;

import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.crypto.Totp;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * The operator's people who sign in to the operator console ({@code operator_user}, coalition data): created with
 * {@code operator-user-add}, password (Argon2id) and optional TOTP as for merchant users ({@link PersonCredentials}).
 */
public final class OperatorUsers {
    private static final String ACTIVE = "ACTIVE";

    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final Argon2idHasher hasher;

    public OperatorUsers(Database database, IdGenerator ids, Clock clock, Argon2idHasher hasher) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.hasher = hasher;
    }

    /** A user whose row was read: her password hash and TOTP secret, and whether she may sign in. */
    private record Stored(OperatorUser user, String passwordHash, String totpSecret, boolean active) {
    }

    /**
     * @param password the password, or null for a generated one (returned once)
     * @throws IllegalArgumentException for a malformed name, a short password or a user name already taken
     */
    public NewOperatorUser add(String username, String displayName, String password, boolean withTotp) {
        PersonCredentials.requireNames(username, displayName);
        String secret = PersonCredentials.passwordOrGenerated(password);
        String totp = withTotp ? Totp.newSecret() : null;
        String hash = hasher.hash(secret);
        long id = ids.nextId();
        database.inJdbcTransaction("cannot add an operator user", c -> {
            if (find(c, "username = ?", username).isPresent()) {
                throw new IllegalArgumentException("there is already an operator user " + username);
            }
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO operator_user (id, username, display_name, "
                    + "password_hash, totp_secret, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, username);
                ps.setString(3, displayName);
                ps.setString(4, hash);
                ps.setString(5, totp);
                ps.setString(6, ACTIVE);
                ps.setTimestamp(7, Timestamp.from(clock.instant()));
                return ps.executeUpdate();
            }
        });
        return new NewOperatorUser(new OperatorUser(id, username, displayName), secret, totp);
    }

    /** Disables an active user and ends her sessions; false when there is no active user of that name. */
    public boolean disable(String username) {
        return database.inJdbcTransaction("cannot disable an operator user", c -> {
            Optional<Stored> user = find(c, "username = ?", username).filter(Stored::active);
            if (user.isEmpty()) {
                return false;
            }
            CoalitionSql sql = CoalitionSql.on(c);
            try (PreparedStatement ps = sql.prepare("UPDATE operator_user SET status = 'DISABLED' WHERE id = ?")) {
                ps.setLong(1, user.get().user().id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = sql.prepare("DELETE FROM operator_session WHERE owner_id = ?")) {
                ps.setLong(1, user.get().user().id());
                ps.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Gives an active user a new generated password (shown once); the old one stops working.
     *
     * @return the new password, or empty when there is no active user of that name
     */
    public Optional<String> resetPassword(String username) {
        String secret = PersonCredentials.passwordOrGenerated(null);
        String hash = hasher.hash(secret);
        return database.inJdbcTransaction("cannot reset an operator user's password", c -> {
            Optional<Stored> user = find(c, "username = ?", username).filter(Stored::active);
            if (user.isEmpty()) {
                return Optional.<String>empty();
            }
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("UPDATE operator_user SET password_hash = ? WHERE id = ?")) {
                ps.setString(1, hash);
                ps.setLong(2, user.get().user().id());
                ps.executeUpdate();
            }
            return Optional.of(secret);
        });
    }

    /** The user when password and (for a user with a second factor) TOTP code are right; empty otherwise, alike. */
    public Optional<OperatorUser> signIn(String username, String password, String totpCode) {
        if (!PersonCredentials.plausible(username, password)) {
            return Optional.empty();
        }
        Optional<Stored> stored = read("username = ?", username).filter(Stored::active);
        boolean right = PersonCredentials.matches(stored.map(Stored::passwordHash).orElse(null),
                stored.map(Stored::totpSecret).orElse(null), password, totpCode, clock.instant());
        return right ? stored.map(Stored::user) : Optional.empty();
    }

    /** The active user with this id (a session's owner), or empty. */
    Optional<OperatorUser> activeById(long id) {
        return read("id = ?", id).filter(Stored::active).map(Stored::user);
    }

    private Optional<Stored> read(String where, Object value) {
        try (Connection c = database.connection()) {
            Optional<Stored> user = find(c, where, value);
            c.rollback();
            return user;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read operator users: " + e.getMessage(), e);
        }
    }

    /** @param where one of this class's own conditions ({@code username = ?}, {@code id = ?}), never input */
    private static Optional<Stored> find(Connection c, String where, Object value) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id, username, display_name, password_hash, "
                + "totp_secret, status FROM operator_user WHERE " + where)) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(new OperatorUser(rs.getLong(1), rs.getString(2), rs.getString(3)),
                        rs.getString(4), rs.getString(5), ACTIVE.equals(rs.getString(6)))) : Optional.empty();
            }
        }
    }
}
