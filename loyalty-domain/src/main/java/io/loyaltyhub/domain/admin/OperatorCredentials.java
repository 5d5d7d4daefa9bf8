package io.loyaltyhub.domain.admin;

import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.crypto.SecretHasher;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Credentials of the operator's HTTP API (households and cards, docs/households.md): issued and revoked with the
 * command line, presented as HTTP Basic (credential id : secret), the secret kept as an Argon2id hash. An operator
 * credential reaches coalition data of every member: it is never a merchant's.
 */
public final class OperatorCredentials {
    /** Verified when the credential id is unknown, so an unknown id costs as much as a wrong secret. */
    private static final String DUMMY_HASH = Argon2idHasher.recommended().hash("no such operator credential");

    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final Argon2idHasher hasher;

    public OperatorCredentials(Database database, IdGenerator ids, Clock clock, Argon2idHasher hasher) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.hasher = hasher;
    }

    /** A new credential; its secret is in the answer only. */
    public Issued issue() {
        String credentialId = SecretHasher.newCredentialId("opr-");
        String secret = SecretHasher.newSecret();
        write("INSERT INTO operator_credential (id, credential_id, secret_hash, created_at) VALUES (?, ?, ?, ?)", ps -> {
            ps.setLong(1, ids.nextId());
            ps.setString(2, credentialId);
            ps.setString(3, hasher.hash(secret));
            ps.setObject(4, now());
        });
        return new Issued(credentialId, secret);
    }

    /** @return whether an active credential was revoked (running hubs refuse it at its next request) */
    public boolean revoke(String credentialId) {
        return write("UPDATE operator_credential SET revoked_at = ? WHERE credential_id = ? AND revoked_at IS NULL", ps -> {
            ps.setObject(1, now());
            ps.setString(2, credentialId);
        }) == 1;
    }

    /** The credential id when this is an active credential and its secret; empty otherwise. */
    public Optional<String> authenticate(String credentialId, String secret) {
        if (credentialId == null || secret == null || credentialId.isBlank() || credentialId.length() > 40) {
            return Optional.empty();
        }
        String hash;
        try (Connection c = database.connection(); PreparedStatement ps = CoalitionSql.on(c).prepare(
                "SELECT secret_hash FROM operator_credential WHERE credential_id = ? AND revoked_at IS NULL")) {
            ps.setString(1, credentialId);
            try (ResultSet rs = ps.executeQuery()) {
                hash = rs.next() ? rs.getString(1) : null;
            }
            c.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read operator credentials: " + e.getMessage(), e);
        }
        boolean matches = Argon2idHasher.matches(secret, hash == null ? DUMMY_HASH : hash);
        return matches && hash != null ? Optional.of(credentialId) : Optional.empty();
    }

    public record Issued(String credentialId, String secret) {
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int write(String sql, Binder binder) {
        try (Connection c = database.connection(); PreparedStatement ps = CoalitionSql.on(c).prepare(sql)) {
            binder.bind(ps);
            int rows = ps.executeUpdate();
            database.commitDurably(c);
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write operator credentials: " + e.getMessage(), e);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
