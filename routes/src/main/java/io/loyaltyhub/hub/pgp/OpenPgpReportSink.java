package io.loyaltyhub.hub.pgp;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.report.ReportSink;
import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * Reports of a merchant that registered an OpenPGP public key leave encrypted to that key, as {@code NAME.pgp}
 * ({@code application/pgp-encrypted}); other merchants' pass through. The key is looked up for the merchant of the
 * download only, once, when the download is prepared.
 */
public final class OpenPgpReportSink implements ReportSink {
    public static final String MEDIA_TYPE = "application/pgp-encrypted";
    public static final String FILE_SUFFIX = ".pgp";

    private final MerchantPgpKeys keys;

    public OpenPgpReportSink(MerchantPgpKeys keys) {
        this.keys = keys;
    }

    @Override
    public Delivery deliveryFor(MerchantId merchant) {
        return keys.keyOf(merchant).map(key -> encryptedTo(encryptionKey(merchant, key))).orElse(Delivery.PLAIN);
    }

    private static PGPPublicKey encryptionKey(MerchantId merchant, ArmoredPublicKey key) {
        try {
            return OpenPgpEncryption.encryptionKeyOf(key);
        } catch (IllegalArgumentException e) {
            throw new DeliveryUnavailable("the OpenPGP key registered for merchant " + merchant.value()
                    + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static Delivery encryptedTo(PGPPublicKey key) {
        return new Delivery(FILE_SUFFIX, MEDIA_TYPE, (fileName, raw) -> OpenPgpEncryption.encryptTo(key, fileName, raw));
    }
}
