package io.loyaltyhub.adapters.iso8583;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.macs.ISO9797Alg3Mac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Field 64: ISO 9797-1 MAC algorithm 3 (the "retail MAC": single-DES CBC under the key's left half, the
 * last block triple-DES'd with both halves), padding method 1 (zeros), 64-bit result written as 16
 * upper-case hex characters. Computed over {@link Iso8583Codec#macInput}: the message with bit 64 set
 * and field 64's own characters left out. Bouncy Castle does the cryptography.
 */
public final class MessageAuthentication {

    private final Iso8583Codec codec;

    public MessageAuthentication(Iso8583Codec codec) {
        this.codec = codec;
    }

    static String macOf(byte[] input, MacKey key) {
        ISO9797Alg3Mac mac = new ISO9797Alg3Mac(new DESEngine());
        mac.init(new KeyParameter(key.bytes()));
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().withUpperCase().formatHex(out);
    }

    /** The message with field 64 set to its MAC under {@code key}. */
    public Iso8583Message sign(Iso8583Message message, MacKey key) {
        return message.with(Iso8583Dialect.MAC, macOf(codec.macInput(message), key));
    }

    /**
     * Whether the received bytes carry a field 64 that matches their content under {@code key}.
     * Compared in constant time; a missing or malformed field 64 is simply not authentic.
     */
    public boolean isAuthentic(byte[] received, Iso8583Message decoded, MacKey key) {
        String presented = decoded.field(Iso8583Dialect.MAC).orElse(null);
        if (presented == null) {
            return false;
        }
        byte[] input;
        try {
            input = codec.macInput(received);
        } catch (MalformedMessageException e) {
            return false;
        }
        byte[] expected = macOf(input, key).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = presented.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }
}
