package io.loyaltyhub.hub.auth;

/** How a terminal credential is named in the failed-login throttle, by every channel terminals log in through. */
public final class TerminalCredentials {
    private TerminalCredentials() {
    }

    /** One key per terminal credential id, so failures over HTTP and over the broker count together. */
    public static String throttleKey(String credentialId) {
        return "terminal:" + credentialId;
    }
}
