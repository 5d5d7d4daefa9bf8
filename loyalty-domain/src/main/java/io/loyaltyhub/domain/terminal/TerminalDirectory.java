package io.loyaltyhub.domain.terminal;

import io.loyaltyhub.domain.model.MerchantId;
import java.util.Optional;

/** Edge look-ups of terminals. The merchant is always explicit, except in the credential look-up that establishes it. */
public interface TerminalDirectory {

    /** The terminal whose credential this is, if the secret matches and the terminal is active. */
    Optional<TerminalIdentity> authenticate(String credentialId, String secret);

    /** A terminal of this merchant by its code (batch files and POSLog name terminals by code). */
    Optional<TerminalIdentity> findTerminal(MerchantId merchant, String storeCode, String terminalCode);

    /**
     * Deliberately across merchants: ISO 8583 names the merchant in field 42 and the terminal in field 41,
     * and this is where that pair becomes a tenant. Used only by channels whose listener authenticates
     * the terminal by other means (MAC key, network).
     */
    Optional<TerminalIdentity> findTerminalAcrossMerchants(String merchantCode, String terminalCode);
}
