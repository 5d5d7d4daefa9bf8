package io.loyaltyhub.domain.portal;

/** A signed-in person of the operator (the operator console); the audit names her {@code console:<username>}. */
public record OperatorUser(long id, String username, String displayName) {
    /** Who did it, as the card and household audit records it. */
    public String actor() {
        return "console:" + username;
    }
}
