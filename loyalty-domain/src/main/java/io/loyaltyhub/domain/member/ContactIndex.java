package io.loyaltyhub.domain.member;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of an email or phone for looking a member up without opening every member's contact details: HMAC-SHA256
 * under a key the hub derives for this purpose, over the owner of the copy, the field and the normalized value, so the
 * same email gives unrelated hashes for two merchants. Emails are compared trimmed and in lower case; phones by their
 * digits, and only with at least {@value #MIN_PHONE_DIGITS} of them.
 */
public final class ContactIndex {
    /** What the hub derives this index's key for (KeyDerivation): a key of its own, used for nothing else. */
    public static final String KEY_PURPOSE = "member-contact-index";
    static final int MIN_PHONE_DIGITS = 6;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param key at least 32 bytes, derived for this purpose only */
    public ContactIndex(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the contact index key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The email as compared, or null when there is none. */
    static String normalEmail(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** The phone's digits, or null when it has fewer than {@value #MIN_PHONE_DIGITS}. */
    static String normalPhone(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[^0-9]", "");
        return digits.length() < MIN_PHONE_DIGITS ? null : digits;
    }

    /** The hash of an email in one owner's copies, or null when there is no email. */
    String ofEmail(String owner, String email) {
        return hash(owner, "email", normalEmail(email));
    }

    /** The hash of a phone in one owner's copies, or null when it is too short to compare. */
    String ofPhone(String owner, String phone) {
        return hash(owner, "phone", normalPhone(phone));
    }

    private String hash(String owner, String field, String normal) {
        if (normal == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((owner + '\n' + field + '\n' + normal).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
