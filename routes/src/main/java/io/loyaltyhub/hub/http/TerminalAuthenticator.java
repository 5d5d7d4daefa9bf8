package io.loyaltyhub.hub.http;

import io.loyaltyhub.hub.auth.LoginThrottle;
import io.loyaltyhub.hub.auth.TerminalCredentials;
import io.loyaltyhub.domain.terminal.TerminalDirectory;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import java.util.Optional;
import org.apache.camel.Message;

/**
 * Establishes which terminal is calling from its HTTP Basic credential (credential id : secret), from the headers
 * alone, before anything reads the body. This is where the merchant is decided; nothing in a request body can change
 * it. Failed logins are throttled per credential and per address ({@link LoginThrottle}).
 */
public final class TerminalAuthenticator {
    private final TerminalDirectory terminals;
    private final LoginThrottle throttle;

    public TerminalAuthenticator(TerminalDirectory terminals, LoginThrottle throttle) {
        this.terminals = terminals;
        this.throttle = throttle;
    }

    public TerminalIdentity authenticate(Message request) {
        BasicCredentials presented = BasicCredentials.from(request.getHeader("Authorization", String.class),
                "the terminal's credential");
        String credential = TerminalCredentials.throttleKey(presented.id());
        String address = ClientAddress.of(request);
        LoginLockout.refuseIfLockedOut(throttle, credential, address);
        Optional<TerminalIdentity> terminal = terminals.authenticate(presented.id(), presented.secret());
        if (terminal.isEmpty()) {
            throttle.failed(credential, address);
            throw new HttpProblem(401, "unknown-terminal-or-wrong-credential", "no active terminal has this credential");
        }
        throttle.succeeded(credential, address);
        return terminal.get();
    }
}
