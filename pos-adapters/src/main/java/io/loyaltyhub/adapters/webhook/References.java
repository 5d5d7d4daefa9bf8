package io.loyaltyhub.adapters.webhook;

import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.domain.model.TxnRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A provider's id as a transaction reference: the id itself behind a provider prefix when it fits the 64 characters
 * of a reference; otherwise (Square's refund ids are payment id + 45 characters) the prefix, an {@code h} and the first
 * 128 bits of the id's SHA-256, the same for every delivery of that id.
 */
final class References {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");

    private References() {
    }

    /**
     * An event id for a delivery that carries none of its own (an ignored Loyverse or Lightspeed webhook): the type and
     * the first 128 bits of the raw body's SHA-256, the same for every resend of that body.
     */
    static String ofBody(String type, byte[] body) {
        return type + ":" + HexFormat.of().formatHex(sha256(body), 0, 16);
    }

    /** An id of the provider, checked like a reference's (no unexpected characters). */
    static String id(String id) {
        if (id == null || !ID.matcher(id).matches() || id.length() > 64) {
            throw new InputRejected("malformed-body", "an id of the provider is empty, too long or has unexpected characters");
        }
        return id;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static TxnRef of(String prefix, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InputRejected("malformed-body", "an id of the provider is empty, too long or has unexpected characters");
        }
        if (prefix.length() + id.length() <= 64) {
            return new TxnRef(prefix + id);
        }
        return new TxnRef(prefix + "h" + HexFormat.of().formatHex(sha256(id.getBytes(StandardCharsets.UTF_8)), 0, 16));
    }
}
