package io.loyaltyhub.adapters.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The providers' signatures, exactly as each documents it, computed (for the simulator) and checked in constant time
 * (for the hub). The key is the secret's bytes as the provider shows it (UTF-8), never decoded.
 *
 * <ul>
 *   <li>Square (developer.squareup.com/docs/webhooks/step3validate): base64 HMAC-SHA256 over the subscription's
 *   notification URL immediately followed by the raw body, in {@code x-square-hmacsha256-signature}.</li>
 *   <li>Shopify (shopify.dev/docs/apps/build/webhooks/subscribe/https, "Verify a webhook"): base64 HMAC-SHA256 over the
 *   raw body with the app's client secret, in {@code X-Shopify-Hmac-Sha256}.</li>
 *   <li>Lightspeed Retail X-Series and Loyverse: see {@link LightspeedScheme} and {@link LoyverseScheme}, which accept
 *   their HMAC in hex or base64 ({@link #matchesHexOrBase64}).</li>
 * </ul>
 */
public final class WebhookSignatures {
    public static final String SQUARE_HEADER = "x-square-hmacsha256-signature";
    public static final String SHOPIFY_HEADER = "X-Shopify-Hmac-Sha256";

    private WebhookSignatures() {
    }

    public static String square(byte[] secret, String notificationUrl, byte[] body) {
        return base64Hmac(secret, notificationUrl.getBytes(StandardCharsets.UTF_8), body);
    }

    public static String shopify(byte[] secret, byte[] body) {
        return base64Hmac(secret, new byte[0], body);
    }

    /** Whether {@code given} (a header value, possibly null) is the expected base64 signature; constant time. */
    public static boolean matches(String expected, String given) {
        if (given == null) {
            return false;
        }
        byte[] wanted = Base64.getDecoder().decode(expected);
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(given.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(wanted, presented);
    }

    /**
     * Whether {@code given} is {@code expected} (raw MAC bytes) written in hex (either case) or base64 (standard or
     * URL-safe, padded or not); compared in constant time over the decoded bytes. For providers whose documentation
     * does not settle the encoding.
     */
    public static boolean matchesHexOrBase64(byte[] expected, String given) {
        if (given == null) {
            return false;
        }
        String value = given.trim();
        byte[] presented = null;
        if (value.length() == expected.length * 2 && value.matches("[0-9a-fA-F]+")) {
            presented = HexFormat.of().parseHex(value.toLowerCase(java.util.Locale.ROOT));
        } else {
            try {
                presented = value.contains("-") || value.contains("_")
                        ? Base64.getUrlDecoder().decode(value) : Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }
        return MessageDigest.isEqual(expected, presented);
    }

    /** The raw HMAC ({@code HmacSHA256}, {@code HmacSHA1}) of the body under the secret's UTF-8 bytes. */
    public static byte[] hmac(String algorithm, byte[] secret, byte[] body) {
        return hmac(algorithm, secret, new byte[0], body);
    }

    private static String base64Hmac(byte[] secret, byte[] prefix, byte[] body) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA256", secret, prefix, body));
    }

    private static byte[] hmac(String algorithm, byte[] secret, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
