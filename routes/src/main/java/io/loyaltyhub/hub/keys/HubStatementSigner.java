package io.loyaltyhub.hub.keys;

import io.loyaltyhub.domain.ledger.SignatureCheck;
import io.loyaltyhub.domain.settlement.StatementSigner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Signs settlement statements and checkpoints with the hub's Ed25519 key (the keystore's {@code hub-signing-key}), and
 * publishes the public half as PEM, the form {@code openssl pkeyutl -verify -pubin} reads (docs/settlement.md).
 */
public final class HubStatementSigner implements StatementSigner {
    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private final PrivateKey key;

    public HubStatementSigner(HubKeyStore keys) {
        this.key = keys.signingKey();
    }

    @Override
    public byte[] sign(byte[] text) {
        try {
            Signature signature = Signature.getInstance("Ed25519", PROVIDER);
            signature.initSign(key);
            signature.update(text);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the hub's key: " + e.getMessage(), e);
        }
    }

    /** Checks signatures made with the key whose public half this is (ledger-verify's check of signed statements). */
    public static SignatureCheck checkWith(PublicKey publicKey) {
        return (text, signatureBase64) -> {
            try {
                Signature signature = Signature.getInstance("Ed25519", PROVIDER);
                signature.initVerify(publicKey);
                signature.update(text.getBytes(StandardCharsets.UTF_8));
                return signature.verify(Base64.getDecoder().decode(signatureBase64));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        };
    }

    /** The public key as a PEM "PUBLIC KEY" block (X.509 SubjectPublicKeyInfo). */
    public static String publicKeyPem(PublicKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }
}
