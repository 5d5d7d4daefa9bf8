package io.loyaltyhub.domain.portal;

import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Sessions kept in a coalition table ({@code member_session}, {@code operator_session}): no scope in the cookie, the
 * row found by the token's SHA-256 alone. The table and its owner column are fixed by the two factories, never taken
 * from input.
 */
final class CoalitionSessionRows<O> implements SessionStore.SessionRows<O> {
    private final Database database;
    private final String table;
    private final String ownerColumn;
    private final java.util.function.ToLongFunction<O> ownerId;
    private final LongFunction<Optional<O>> owner;

    private CoalitionSessionRows(Database database, String table, String ownerColumn,
                                 java.util.function.ToLongFunction<O> ownerId, LongFunction<Optional<O>> owner) {
        this.database = database;
        this.table = table;
        this.ownerColumn = ownerColumn;
        this.ownerId = ownerId;
        this.owner = owner;
    }

    static <O> CoalitionSessionRows<O> members(Database database, java.util.function.ToLongFunction<O> ownerId,
                                               LongFunction<Optional<O>> owner) {
        return new CoalitionSessionRows<>(database, "member_session", "account_id", ownerId, owner);
    }

    static <O> CoalitionSessionRows<O> operators(Database database, java.util.function.ToLongFunction<O> ownerId,
                                                 LongFunction<Optional<O>> owner) {
        return new CoalitionSessionRows<>(database, "operator_session", "owner_id", ownerId, owner);
    }

    @Override
    public String scopeOf(O o) {
        return "";
    }

    @Override
    public boolean validScope(String scope) {
        return scope.isEmpty();
    }

    @Override
    public void insert(O o, String tokenHash, String csrfToken, LocalDateTime now, LocalDateTime expiresAt) {
        write("cannot open a session", "INSERT INTO " + table + " (token_hash, " + ownerColumn
                + ", csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, tokenHash);
            ps.setLong(2, ownerId.applyAsLong(o));
            ps.setString(3, csrfToken);
            ps.setTimestamp(4, Timestamp.valueOf(now));
            ps.setTimestamp(5, Timestamp.valueOf(now));
            ps.setTimestamp(6, Timestamp.valueOf(expiresAt));
        });
    }

    @Override
    public Optional<SessionStore.Row> find(String scope, String tokenHash) {
        try (java.sql.Connection c = database.connection(); PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT "
                + ownerColumn + ", csrf_token, last_seen_at, expires_at FROM " + table + " WHERE token_hash = ?")) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                Optional<SessionStore.Row> row = Optional.empty();
                if (rs.next()) {
                    Timestamp lastSeen = rs.getTimestamp(3);
                    row = Optional.of(new SessionStore.Row(rs.getLong(1), rs.getString(2),
                            lastSeen == null ? null : lastSeen.toLocalDateTime(), rs.getTimestamp(4).toLocalDateTime()));
                }
                c.rollback();
                return row;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read a session: " + e.getMessage(), e);
        }
    }

    @Override
    public void touch(String scope, String tokenHash, LocalDateTime now) {
        write("cannot touch a session", "UPDATE " + table + " SET last_seen_at = ? WHERE token_hash = ?", ps -> {
            ps.setTimestamp(1, Timestamp.valueOf(now));
            ps.setString(2, tokenHash);
        });
    }

    @Override
    public void delete(String scope, String tokenHash) {
        write("cannot end a session", "DELETE FROM " + table + " WHERE token_hash = ?", ps -> ps.setString(1, tokenHash));
    }

    @Override
    public Optional<O> owner(String scope, long id) {
        return owner.apply(id);
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws java.sql.SQLException;
    }

    /** A session is not money: a plain commit (no sync to disk) is enough for it. */
    private void write(String what, String sql, Binder binder) {
        try (java.sql.Connection c = database.connection(); PreparedStatement ps = CoalitionSql.on(c).prepare(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(what + ": " + e.getMessage(), e);
        }
    }
}
