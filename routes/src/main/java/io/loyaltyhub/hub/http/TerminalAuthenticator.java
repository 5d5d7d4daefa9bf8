package io.loyaltyhub.hub.http;

import io.loyaltyhub.domain.terminal.TerminalDirectory;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new HttpProblem(401, "unauthenticated", "send the terminal's credential as HTTP Basic authentication");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(401, "unauthenticated", "the Authorization header is not valid Basic authentication");
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            throw new HttpProblem(401, "unauthenticated", "the Authorization header is not valid Basic authentication");
        }
        return terminals.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1))
                .orElseThrow(() -> new HttpProblem(401, "unknown-terminal-or-wrong-credential",
                        "no active terminal has this credential"));
    }
}
