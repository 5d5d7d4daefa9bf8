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

    static TxnRef of(String prefix, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InputRejected("malformed-body", "an id of the provider is empty, too long or has unexpected characters");
        }
        if (prefix.length() + id.length() <= 64) {
            return new TxnRef(prefix + id);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return new TxnRef(prefix + "h" + HexFormat.of().formatHex(hash, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
