package io.loyaltyhub.hub.chaos;

/** A till's credential, as {@code terminal-add} printed it. */
record TerminalLogin(String credentialId, String secret) {
    @Override
    public String toString() {
        return "TerminalLogin[" + credentialId + ", secret=***]";
    }
}
