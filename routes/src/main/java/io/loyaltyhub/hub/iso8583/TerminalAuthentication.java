package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.adapters.iso8583.Iso8583Dialect;
import io.loyaltyhub.adapters.iso8583.Iso8583Message;
import io.loyaltyhub.adapters.iso8583.MacKey;
import io.loyaltyhub.adapters.iso8583.MessageAuthentication;
import io.loyaltyhub.adapters.iso8583.ResponseCode;
import io.loyaltyhub.domain.terminal.TerminalDirectory;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import java.util.Optional;

/**
 * Who sent this message: the terminal named by field 42 (merchant) and field 41 (terminal), and, when that
 * terminal has a MAC key, proof in field 64 that it was the terminal. The tenant is established here and
 * nowhere else. Every refusal is response code 58 (not permitted to terminal), so a caller cannot tell an
 * unknown terminal from a bad MAC.
 */
final class TerminalAuthentication {

    sealed interface Result permits Authenticated, Refused {
    }

    /** {@code macKey} is the key its answers are signed with, empty for a terminal without one. */
    record Authenticated(TerminalIdentity terminal, Optional<MacKey> macKey) implements Result {
    }

    record Refused(String responseCode, String reason) implements Result {
    }

    private final TerminalDirectory terminals;
    private final TerminalMacKeys macKeys;
    private final MessageAuthentication authentication;
    private final boolean macRequired;

    TerminalAuthentication(TerminalDirectory terminals, TerminalMacKeys macKeys, MessageAuthentication authentication,
                           boolean macRequired) {
        this.terminals = terminals;
        this.macKeys = macKeys;
        this.authentication = authentication;
        this.macRequired = macRequired;
    }

    Result authenticate(Iso8583Message request, byte[] received) {
        Optional<String> merchantCode = request.field(Iso8583Dialect.MERCHANT_ID).map(String::trim);
        Optional<String> terminalCode = request.field(Iso8583Dialect.TERMINAL_ID).map(String::trim);
        if (merchantCode.isEmpty() || terminalCode.isEmpty()) {
            return new Refused(ResponseCode.FORMAT_ERROR, "field 41 or 42 is missing");
        }
        Optional<TerminalIdentity> terminal = terminals.findTerminalAcrossMerchants(merchantCode.get(), terminalCode.get());
        if (terminal.isEmpty()) {
            return new Refused(ResponseCode.NOT_PERMITTED_TO_TERMINAL, "no active terminal with these fields 41 and 42");
        }
        Optional<MacKey> key = macKeys.keyOf(terminal.get());
        if (key.isEmpty()) {
            return macRequired
                    ? new Refused(ResponseCode.NOT_PERMITTED_TO_TERMINAL, "terminal has no MAC key and this listener requires one")
                    : new Authenticated(terminal.get(), Optional.empty());
        }
        if (!request.has(Iso8583Dialect.MAC)) {
            return new Refused(ResponseCode.NOT_PERMITTED_TO_TERMINAL, "terminal has a MAC key but field 64 is missing");
        }
        if (!authentication.isAuthentic(received, request, key.get())) {
            return new Refused(ResponseCode.NOT_PERMITTED_TO_TERMINAL, "field 64 does not match the terminal's MAC key");
        }
        return new Authenticated(terminal.get(), key);
    }
}
