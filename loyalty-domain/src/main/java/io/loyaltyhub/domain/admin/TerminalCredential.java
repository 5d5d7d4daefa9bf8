package io.loyaltyhub.domain.admin;

/** A terminal's credential as issued: the secret is shown this once and never stored in clear. */
public record TerminalCredential(long terminalId, String terminalCode, String credentialId, String secret) {
    @Override
    public String toString() {
        return "TerminalCredential[" + terminalCode + ", " + credentialId + ", secret=***]";
    }
}
