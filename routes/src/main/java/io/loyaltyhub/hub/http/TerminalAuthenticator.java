package io.loyaltyhub.hub.http;

import io.loyaltyhub.domain.terminal.TerminalDirectory;
import io.loyaltyhub.domain.terminal.TerminalIdentity;

/**
 * Establishes which terminal is calling from its HTTP Basic credential (credential id : secret).
 * This is where the merchant is decided; nothing in a request body can change it.
 */
public final class TerminalAuthenticator {
    private final TerminalDirectory terminals;

    public TerminalAuthenticator(TerminalDirectory terminals) {
        this.terminals = terminals;
    }

    public TerminalIdentity authenticate(String authorization) {
        BasicCredentials presented = BasicCredentials.from(authorization, "the terminal's credential");
        return terminals.authenticate(presented.id(), presented.secret())
                .orElseThrow(() -> new HttpProblem(401, "unknown-terminal-or-wrong-credential",
                        "no active terminal has this credential"));
    }
}
