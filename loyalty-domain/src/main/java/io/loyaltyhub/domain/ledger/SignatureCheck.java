package io.loyaltyhub.domain.ledger;

/** Whether a signature over a text is the hub's (Ed25519 with the keystore's public key; checked in the hub). */
@FunctionalInterface
public interface SignatureCheck {
    boolean verifies(String text, String signatureBase64);
}
