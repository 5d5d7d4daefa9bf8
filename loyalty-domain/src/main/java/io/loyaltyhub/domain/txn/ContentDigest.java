package io.loyaltyhub.domain.txn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes a second message with a transaction's reference a copy of it rather than another transaction: the
 * SHA-256 (first 128 bits, hex) of its canonical content — type, amount and currency, the original it names, the
 * points it redeems. The engine stores it with the reference and compares it when the reference comes again.
 *
 * <p>Left out on purpose: the time (a till that times out and sends again may stamp the copy anew, and JSON
 * requests without {@code occurredAt} take the time of receipt), line items (informational), the channel, and
 * the card — the card is compared by the card record the first transaction was made with, because a card token
 * changes when the card key is rotated and a digest over it would turn every copy into a conflict.
 */
public final class ContentDigest {
    private static final HexFormat HEX = HexFormat.of();

    private ContentDigest() {
    }

    public static String of(PosTransaction t) {
        String canonical = "v1|" + t.type().name()
                + '|' + t.amount().minorUnits()
                + '|' + t.amount().currency().getCurrencyCode()
                + '|' + (t.originalTxnRef() == null ? "" : t.originalTxnRef().value())
                + '|' + t.redeemPoints()
                // only when present, so that the digests of transactions stored before rewards existed still match
                + (t.rewardCode() == null ? "" : "|reward:" + t.rewardCode())
                + (t.paysSale() ? "|pays-sale" : "");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
