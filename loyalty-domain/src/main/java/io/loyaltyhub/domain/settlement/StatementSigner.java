package io.loyaltyhub.domain.settlement;

/** Signs a statement's or checkpoint's text with the hub's key (Ed25519, kept by the hub's keystore). */
@FunctionalInterface
public interface StatementSigner {
    /** The signature over the UTF-8 bytes of {@code text}. */
    byte[] sign(byte[] text);
}
