package io.loyaltyhub.domain.portal;

/**
 * A session as the browser holds it: the cookie value ({@code <merchant id>.<random token>}; only the token's SHA-256
 * is stored) and the session's CSRF token, which every state-changing request must carry.
 */
public record PortalSession(String cookie, String csrfToken, MerchantUser user) {
    @Override
    public String toString() {
        return "PortalSession[" + user.username() + "]";
    }
}
