package io.loyaltyhub.domain.crypto;

import io.loyaltyhub.domain.model.CardToken;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;

/**
 * Turns a card number into a keyed hash (HMAC-SHA-256 under the hub's card key) plus the last four digits:
 * the only form of a card number the hub keeps (PCI DSS 3.5.1.1: keyed cryptographic hash).
 */
public final class CardTokenizer {
    private static final int MIN_KEY_BYTES = 32;

    private final byte[] key;
    private final int keyVersion;

    public CardTokenizer(byte[] key, int keyVersion) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("card key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = key.clone();
        this.keyVersion = keyVersion;
    }

    public int keyVersion() {
        return keyVersion;
    }

    /** @param digits the card number, digits only (validated by the caller) */
    public CardToken tokenize(CharSequence digits) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        for (int i = 0; i < digits.length(); i++) {
            mac.update((byte) digits.charAt(i));
        }
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        String last4 = digits.subSequence(digits.length() - 4, digits.length()).toString();
        return new CardToken(Hex.toHexString(out), keyVersion, last4);
    }
}
