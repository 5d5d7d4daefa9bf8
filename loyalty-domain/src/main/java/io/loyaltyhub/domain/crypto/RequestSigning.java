package io.loyaltyhub.domain.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Arrays;

/**
 * Terminal request signatures (docs/http-json.md#signed-requests), shared by the hub and the POS simulator:
 * HMAC-SHA-256 under the terminal's signing secret over
 * <pre>METHOD \n PATH \n X-Hub-Timestamp \n X-Hub-Nonce \n Content-Digest</pre>
 * where Content-Digest is RFC 9530's {@code sha-256=:<base64>:} of the body, sent as
 * {@code X-Hub-Signature: v1=<base64>}.
 */
public final class RequestSigning {
    public static final String TIMESTAMP = "X-Hub-Timestamp";
    public static final String NONCE = "X-Hub-Nonce";
    public static final String SIGNATURE = "X-Hub-Signature";
    public static final String CONTENT_DIGEST = "Content-Digest";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestSigning() {
    }

    public static String contentDigest(byte[] body) {
        SHA256Digest digest = new SHA256Digest();
        byte[] in = body == null ? new byte[0] : body;
        digest.update(in, 0, in.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return "sha-256=:" + Base64.getEncoder().encodeToString(out) + ":";
    }

    public static String canonical(String method, String path, String timestamp, String nonce, String contentDigest) {
        return method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + contentDigest;
    }

    public static String sign(byte[] secret, String canonical) {
        return "v1=" + Base64.getEncoder().encodeToString(mac(secret, canonical));
    }

    /** Constant-time; false for anything that is not a v1 signature. */
    public static boolean verify(byte[] secret, String canonical, String signatureHeader) {
        if (signatureHeader == null || !signatureHeader.startsWith("v1=")) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(signatureHeader.substring(3).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return Arrays.constantTimeAreEqual(mac(secret, canonical), presented);
    }

    /** The four headers a terminal adds to a request (a fresh nonce each time). */
    public static Map<String, String> headers(byte[] secret, String method, String path, byte[] body, Instant now) {
        byte[] nonceBytes = new byte[16];
        RANDOM.nextBytes(nonceBytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
        String timestamp = Long.toString(now.getEpochSecond());
        String digest = contentDigest(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TIMESTAMP, timestamp);
        headers.put(NONCE, nonce);
        headers.put(CONTENT_DIGEST, digest);
        headers.put(SIGNATURE, sign(secret, canonical(method, path, timestamp, nonce, digest)));
        return headers;
    }

    /** A terminal's signing secret as shown to the operator (base64url, 32 bytes) back to bytes. */
    public static byte[] secretFromText(String text) {
        byte[] secret = Base64.getUrlDecoder().decode(text.trim());
        if (secret.length < 32) {
            throw new IllegalArgumentException("a signing secret is at least 32 bytes");
        }
        return secret;
    }

    private static byte[] mac(byte[] secret, String canonical) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(secret));
        byte[] in = canonical.getBytes(StandardCharsets.UTF_8);
        mac.update(in, 0, in.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }
}
