package io.loyaltyhub.domain.portal;

import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.crypto.SecretHasher;
import io.loyaltyhub.domain.crypto.Totp;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The rules every person who signs in with a name and password shares (merchant users, operator users): what a user
 * name and a display name may be, generated or given passwords of at least {@link #MIN_PASSWORD_LENGTH} characters,
 * and the check of a password plus, for users who have one, a TOTP code — with the same Argon2id work for a user that
 * does not exist.
 */
final class PersonCredentials {
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");
    /** Verified when the user name is unknown, so an unknown name costs as much as a wrong password. */
    private static final String DUMMY_HASH = Argon2idHasher.recommended().hash("no such user");

    private PersonCredentials() {
    }

    /** @throws IllegalArgumentException for a malformed user name or display name */
    static void requireNames(String username, String displayName) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a user name is 1-32 of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new IllegalArgumentException("a user needs a name of 1-200 characters");
        }
    }

    /** The given password, or a generated one for null. @throws IllegalArgumentException when it is too short */
    static String passwordOrGenerated(String password) {
        String secret = password == null ? SecretHasher.newSecret() : password;
        if (secret.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        return secret;
    }

    /** A plausible sign-in attempt: a user name and a password of sane size. */
    static boolean plausible(String username, String password) {
        return username != null && password != null && password.length() <= 1024;
    }

    /**
     * @param passwordHash the active user's hash, or null when there is no such active user (then the dummy hash is
     *                     verified, so the answer takes as long)
     * @param totpSecret   the user's TOTP secret, or null for a user without a second factor
     */
    static boolean matches(String passwordHash, String totpSecret, String password, String totpCode, Instant now) {
        if (passwordHash == null) {
            Argon2idHasher.matches(password == null ? "" : password, DUMMY_HASH);
            return false;
        }
        if (!Argon2idHasher.matches(password, passwordHash)) {
            return false;
        }
        return totpSecret == null || Totp.matches(totpSecret, totpCode, now);
    }
}
