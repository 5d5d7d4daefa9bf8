package io.loyaltyhub.hub.http;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.terminal.WrappedTerminalSecrets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Terminals' request-signing secrets in {@code terminal_signing_key}, wrapped by the keystore's master key with the
 * merchant and terminal as associated data ({@link WrappedTerminalSecrets}). Look-ups are cached for {@code cacheTtl},
 * like terminal credentials, so a new or removed key takes effect within that time.
 */
public final class TerminalSigningKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WrappedTerminalSecrets secrets;

    public TerminalSigningKeys(Database database, byte[] masterKey, Clock clock, Duration cacheTtl) {
        this.secrets = new WrappedTerminalSecrets(database, WrappedTerminalSecrets.Kind.SIGNING_SECRET, masterKey, clock, cacheTtl);
    }

    /** Gives the terminal a new random signing secret (replacing any previous one) and returns it, base64url, to be shown once. */
    public String generate(MerchantId merchant, TerminalId terminal) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        try {
            secrets.replace(merchant, terminal, secret);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    public void remove(MerchantId merchant, TerminalId terminal) {
        secrets.remove(merchant, terminal);
    }

    /**
     * The terminal's secret, or empty when it has none (then it need not sign, unless signing is required for all).
     * Fails closed: a secret that does not unwrap throws, so the request is refused rather than let through unsigned.
     */
    public Optional<byte[]> secretOf(MerchantId merchant, TerminalId terminal) {
        return secrets.secretOf(merchant, terminal);
    }
}
