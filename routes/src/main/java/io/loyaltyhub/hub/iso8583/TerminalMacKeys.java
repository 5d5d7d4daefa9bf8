package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.adapters.iso8583.MacKey;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import java.util.Optional;

/** Which terminals sign their ISO 8583 messages, and with which key. */
public interface TerminalMacKeys {

    /**
     * @return the terminal's key, or empty when it has none
     * @throws IllegalStateException when the terminal has a key that cannot be used (fail closed, never skip the check)
     */
    Optional<MacKey> keyOf(TerminalIdentity terminal);

    /** For listeners where no terminal has a key. */
    TerminalMacKeys NONE = terminal -> Optional.empty();
}
