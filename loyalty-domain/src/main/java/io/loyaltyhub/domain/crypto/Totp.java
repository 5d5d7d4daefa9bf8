package io.loyaltyhub.domain.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits), the second factor authenticator
 * apps speak. A code of the step before or after is accepted too, for clocks that drift a little.
 */
public final class Totp {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long STEP_SECONDS = 30;

    private Totp() {
    }

    /** A new secret of 160 bits, Base32 (what authenticator apps are given). */
    public static String newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return base32(secret);
    }

    /** The {@code otpauth://} address an authenticator app reads (usually as a QR code). */
    public static String provisioningUri(String issuer, String account, String secret) {
        return "otpauth://totp/" + urlPart(issuer) + ":" + urlPart(account) + "?secret=" + secret + "&issuer="
                + urlPart(issuer) + "&algorithm=SHA1&digits=6&period=30";
    }

    /** The code for the 30-second step that holds {@code at}. */
    public static String codeAt(String secret, Instant at) {
        return code(base32Decode(secret), Math.floorDiv(at.getEpochSecond(), STEP_SECONDS));
    }

    /** Whether {@code code} is the code of the step at {@code at}, the one before or the one after (constant time). */
    public static boolean matches(String secret, String code, Instant at) {
        if (secret == null || code == null || !code.matches("[0-9]{6}")) {
            return false;
        }
        byte[] key = base32Decode(secret);
        long step = Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
        boolean match = false;
        for (long s = step - 1; s <= step + 1; s++) {
            match |= MessageDigest.isEqual(code(key, s).getBytes(), code.getBytes());
        }
        return match;
    }

    private static String code(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                    | (h[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-1 is not available", e);
        }
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    static byte[] base32Decode(String text) {
        String clean = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int v = BASE32.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not Base32");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    private static String urlPart(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
