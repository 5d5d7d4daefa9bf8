package io.loyaltyhub.domain.portal;

import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import java.util.HexFormat;
import java.util.Optional;

/**
 * Signed-in shoppers' sessions on the member page, in the database: the cookie is a 256-bit random token of which only
 * the SHA-256 is stored. A session ends {@code maxAge} after sign-in, or at sign-out.
 */
public final class MemberSessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A member's session as the browser holds it, and the account it opens. */
    public record MemberSession(String cookie, String csrfToken, long accountId) {
        @Override
        public String toString() {
            return "MemberSession[" + accountId + "]";
        }
    }

    private final Database database;
    private final Clock clock;
    private final Duration maxAge;

    public MemberSessions(Database database, Clock clock, Duration maxAge) {
        this.database = database;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    public Duration maxAge() {
        return maxAge;
    }

    public MemberSession open(long accountId) {
        String token = random();
        String csrf = random();
        Instant now = clock.instant();
        try (Connection c = database.connection(); PreparedStatement ps = CoalitionSql.on(c).prepare(
                "INSERT INTO member_session (token_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, sha256(token));
            ps.setLong(2, accountId);
            ps.setString(3, csrf);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(now.plus(maxAge)));
            ps.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return new MemberSession(token, csrf, accountId);
    }

    public Optional<MemberSession> find(String cookie) {
        if (cookie == null || cookie.length() < 40 || cookie.length() > 100) {
            return Optional.empty();
        }
        try (Connection c = database.connection(); PreparedStatement ps = CoalitionSql.on(c).prepare(
                "SELECT account_id, csrf_token, expires_at FROM member_session WHERE token_hash = ?")) {
            ps.setString(1, sha256(cookie));
            try (ResultSet rs = ps.executeQuery()) {
                Optional<MemberSession> found = rs.next() && clock.instant().isBefore(rs.getTimestamp(3).toInstant())
                        ? Optional.of(new MemberSession(cookie, rs.getString(2), rs.getLong(1))) : Optional.empty();
                c.rollback();
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public void close(String cookie) {
        if (cookie == null) {
            return;
        }
        try (Connection c = database.connection();
             PreparedStatement ps = CoalitionSql.on(c).prepare("DELETE FROM member_session WHERE token_hash = ?")) {
            ps.setString(1, sha256(cookie));
            ps.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
