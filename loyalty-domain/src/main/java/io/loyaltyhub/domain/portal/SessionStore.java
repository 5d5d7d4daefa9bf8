package io.loyaltyhub.domain.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The one session store of the portal's three kinds of people (merchant users, members, operator users): the cookie
 * is a 256-bit random token of which only the SHA-256 is stored, with the session's CSRF token; a session ends
 * after {@code idle} without a request, {@code maxAge} after sign-in, or at sign-out. Where the rows live (a tenant
 * table, a coalition table) and who a session belongs to is the {@link SessionRows}' business.
 *
 * @param <O> who a session belongs to
 */
public final class SessionStore<O> {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Writing last_seen_at on every request would make every page view a write; once a minute is enough. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int MAX_COOKIE_LENGTH = 100;
    private static final int MIN_TOKEN_LENGTH = 40;

    /** A session as the browser holds it: the cookie, the CSRF token every state-changing request must carry, the owner. */
    public record Session<O>(String cookie, String csrfToken, O owner) {
        @Override
        public String toString() {
            return "Session[" + owner + "]";
        }
    }

    /** A stored session: the owner's id, its CSRF token and its clocks. */
    public record Row(long ownerId, String csrfToken, LocalDateTime lastSeenAt, LocalDateTime expiresAt) {
    }

    /**
     * Where one kind of session is kept. A scope is the part of the cookie before its token (a merchant's id for
     * merchant users, so their rows are searched among that merchant's only; empty for coalition sessions).
     */
    public interface SessionRows<O> {
        /** The cookie's scope for this owner; empty for none. */
        String scopeOf(O owner);

        /** Whether a cookie's scope is well-formed (a malformed one is not looked up). */
        boolean validScope(String scope);

        void insert(O owner, String tokenHash, String csrfToken, LocalDateTime now, LocalDateTime expiresAt);

        Optional<Row> find(String scope, String tokenHash);

        void touch(String scope, String tokenHash, LocalDateTime now);

        void delete(String scope, String tokenHash);

        /** The owner of a live session when still allowed in (an active user, an existing account), or empty. */
        Optional<O> owner(String scope, long ownerId);
    }

    private final SessionRows<O> rows;
    private final Clock clock;
    private final Duration idle;
    private final Duration maxAge;

    public SessionStore(SessionRows<O> rows, Clock clock, Duration idle, Duration maxAge) {
        if (idle.isNegative() || idle.isZero() || maxAge.compareTo(idle) < 0) {
            throw new IllegalArgumentException("a session needs a positive idle time no longer than its maximum age");
        }
        this.rows = rows;
        this.clock = clock;
        this.idle = idle;
        this.maxAge = maxAge;
    }

    public Duration maxAge() {
        return maxAge;
    }

    public Session<O> open(O owner) {
        String token = randomToken();
        String csrf = randomToken();
        LocalDateTime now = now();
        rows.insert(owner, sha256(token), csrf, now, now.plus(maxAge));
        String scope = rows.scopeOf(owner);
        return new Session<>(scope.isEmpty() ? token : scope + "." + token, csrf, owner);
    }

    /** The live session of this cookie (its idle clock restarted), or empty: unknown, expired, idle or malformed. */
    public Optional<Session<O>> find(String cookie) {
        Optional<Parsed> parsed = parse(cookie);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        String scope = parsed.get().scope();
        String hash = sha256(parsed.get().token());
        Optional<Row> row = rows.find(scope, hash);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        LocalDateTime now = now();
        Row r = row.get();
        LocalDateTime lastSeen = r.lastSeenAt() == null ? r.expiresAt().minus(maxAge) : r.lastSeenAt();
        if (!now.isBefore(r.expiresAt()) || !now.isBefore(lastSeen.plus(idle))) {
            rows.delete(scope, hash);
            return Optional.empty();
        }
        if (!now.isBefore(lastSeen.plus(TOUCH_EVERY))) {
            rows.touch(scope, hash, now);
        }
        return rows.owner(scope, r.ownerId()).map(owner -> new Session<>(cookie, r.csrfToken(), owner));
    }

    /** Ends the session of this cookie (sign-out); nothing happens for an unknown one. */
    public void close(String cookie) {
        parse(cookie).ifPresent(p -> rows.delete(p.scope(), sha256(p.token())));
    }

    private record Parsed(String scope, String token) {
    }

    private Optional<Parsed> parse(String cookie) {
        if (cookie == null || cookie.length() > MAX_COOKIE_LENGTH) {
            return Optional.empty();
        }
        int dot = cookie.indexOf('.');
        String scope = dot < 0 ? "" : cookie.substring(0, dot);
        String token = cookie.substring(dot + 1);
        return token.length() >= MIN_TOKEN_LENGTH && rows.validScope(scope)
                ? Optional.of(new Parsed(scope, token)) : Optional.empty();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String randomToken() {
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
