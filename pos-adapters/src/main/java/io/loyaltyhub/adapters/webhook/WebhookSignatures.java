package io.loyaltyhub.adapters.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
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

    private static String base64Hmac(byte[] secret, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(prefix);
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }
}
