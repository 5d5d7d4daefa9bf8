package io.loyaltyhub.domain.report;

import io.loyaltyhub.domain.crypto.KeyDerivation;
import io.loyaltyhub.domain.model.MerchantId;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-merchant pseudonymous customer ids: HMAC-SHA-256 of the account id under a key derived for that merchant
 * from the hub's "report-pseudonyms" key. Stable across downloads of one merchant (so a merchant can follow a
 * customer over time), unrelated between merchants (so two merchants cannot join their reports).
 */
public final class CustomerPseudonyms {
    private final byte[] reportKey;

    public CustomerPseudonyms(byte[] reportKey) {
        if (reportKey == null || reportKey.length < 32) {
            throw new IllegalArgumentException("the pseudonym key needs at least 32 bytes");
        }
        this.reportKey = reportKey.clone();
    }

    /** A pseudonymizer for one merchant; not thread-safe (one per report run). */
    public Pseudonymizer forMerchant(MerchantId merchant) {
        byte[] key = KeyDerivation.derive(reportKey, "report-pseudonyms/merchant/" + merchant.value(), 32);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return new Pseudonymizer(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is missing from this JVM", e);
        }
    }

    /** Turns account ids into one merchant's pseudonyms: "c-" and 32 hex digits (128 bits of the HMAC). */
    public static final class Pseudonymizer {
        private static final HexFormat HEX = HexFormat.of();
        private final Mac mac;
        private final ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES);

        private Pseudonymizer(Mac mac) {
            this.mac = mac;
        }

        public String of(long accountId) {
            buffer.clear();
            buffer.putLong(accountId);
            byte[] digest = mac.doFinal(buffer.array());
            return "c-" + HEX.formatHex(digest, 0, 16);
        }
    }
}
