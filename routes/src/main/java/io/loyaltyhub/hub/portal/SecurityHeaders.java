package io.loyaltyhub.hub.portal;

import org.apache.camel.Message;

/**
 * The headers every portal answer carries. The Content-Security-Policy allows scripts, styles and fetches from the hub
 * itself only: no inline script or style, no other site, no framing, forms posting only back to the hub.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private SecurityHeaders() {
    }

    static void apply(Message out, boolean cacheable) {
        out.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        out.setHeader("X-Content-Type-Options", "nosniff");
        out.setHeader("X-Frame-Options", "DENY");
        // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with a form's POST, and the
        // CSRF check could no longer tell the hub's own pages from another site's.
        out.setHeader("Referrer-Policy", "same-origin");
        out.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (out.getHeader("Cache-Control") == null) {
            out.setHeader("Cache-Control", cacheable ? "public, max-age=3600" : "no-store");
        }
    }
}
