package io.loyaltyhub.domain.portal;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.entity.MerchantUserSessionEntity;
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
 * Merchant users' browser sessions, stored in the database (so any hub node serves them, and a restart keeps them).
 * The cookie is {@code <merchant id>.<256-bit random token>}: the merchant part only chooses which merchant's
 * sessions are searched (a session is found by the token's SHA-256 among that merchant's rows), so a cookie whose
 * merchant part was changed finds nothing. A session ends after {@code idle} without a request, at {@code maxAge}
 * after sign-in, or at sign-out.
 */
public final class MerchantUserSessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Writing last_seen_at on every request would make every page view a write; once a minute is enough. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final MerchantUsers users;
    private final Duration idle;
    private final Duration maxAge;

    public MerchantUserSessions(Database database, IdGenerator ids, Clock clock, MerchantUsers users, Duration idle,
                                Duration maxAge) {
        if (idle.isNegative() || idle.isZero() || maxAge.compareTo(idle) < 0) {
            throw new IllegalArgumentException("a session needs a positive idle time no longer than its maximum age");
        }
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.users = users;
        this.idle = idle;
        this.maxAge = maxAge;
    }

    public Duration maxAge() {
        return maxAge;
    }

    public PortalSession open(MerchantUser user) {
        String token = randomToken();
        String csrf = randomToken();
        LocalDateTime now = now();
        long id = ids.nextId();
        database.inMerchantTransaction(user.merchant(), s -> {
            s.persist(new MerchantUserSessionEntity(id, sha256(token), user.id(), csrf, now, now.plus(maxAge)));
            return null;
        });
        return new PortalSession(user.merchant().value() + "." + token, csrf, user);
    }

    /** The live session of this cookie (its idle clock restarted), or empty: unknown, expired, idle or malformed. */
    public Optional<PortalSession> find(String cookie) {
        Optional<Parsed> parsed = parse(cookie);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        MerchantId merchant = parsed.get().merchant();
        LocalDateTime now = now();
        Optional<MerchantUserSessionEntity> live = database.inMerchantTransaction(merchant, s -> {
            Optional<MerchantUserSessionEntity> found = s.createSelectionQuery(
                            "from MerchantUserSessionEntity where tokenHash = :hash", MerchantUserSessionEntity.class)
                    .setParameter("hash", sha256(parsed.get().token())).uniqueResultOptional();
            if (found.isEmpty()) {
                return found;
            }
            MerchantUserSessionEntity session = found.get();
            if (!now.isBefore(session.getExpiresAt()) || !now.isBefore(session.getLastSeenAt().plus(idle))) {
                s.remove(session);
                return Optional.empty();
            }
            if (!now.isBefore(session.getLastSeenAt().plus(TOUCH_EVERY))) {
                session.seenAt(now);
            }
            return found;
        });
        return live.flatMap(session -> users.byId(merchant, session.getUserId())
                .map(user -> new PortalSession(cookie, session.getCsrfToken(), user)));
    }

    /** Ends the session of this cookie (sign-out); nothing happens for an unknown one. */
    public void close(String cookie) {
        parse(cookie).ifPresent(p -> database.inMerchantTransaction(p.merchant(), s -> s.createMutationQuery(
                        "delete from MerchantUserSessionEntity where tokenHash = :hash")
                .setParameter("hash", sha256(p.token())).executeUpdate()));
    }

    private record Parsed(MerchantId merchant, String token) {
    }

    private static Optional<Parsed> parse(String cookie) {
        if (cookie == null || cookie.length() > 100) {
            return Optional.empty();
        }
        int dot = cookie.indexOf('.');
        if (dot <= 0 || dot > 19 || !cookie.substring(0, dot).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(cookie.substring(0, dot));
            String token = cookie.substring(dot + 1);
            return id > 0 && token.length() >= 40 ? Optional.of(new Parsed(new MerchantId(id), token)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
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
