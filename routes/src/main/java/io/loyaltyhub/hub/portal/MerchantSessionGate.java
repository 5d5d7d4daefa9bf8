package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import io.loyaltyhub.domain.portal.MerchantUserSessions;
import io.loyaltyhub.domain.portal.PortalSession;
import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.reports.MerchantCaller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Message;

/**
 * The one place a portal request's merchant is decided: from the session its cookie names (stored in the database),
 * never from a parameter. State-changing requests must also carry the session's CSRF token (a form field or the
 * {@code X-CSRF-Token} header) and, when the browser says where they come from, come from the hub's own pages.
 */
final class MerchantSessionGate implements MerchantCaller {
    private final MerchantUserSessions sessions;

    MerchantSessionGate(MerchantUserSessions sessions) {
        this.sessions = sessions;
    }

    Optional<PortalSession> session(Message in) {
        return Cookies.read(in, Cookies.SESSION).flatMap(sessions::find);
    }

    /** @throws HttpProblem 401 {@code unauthenticated} without a live session */
    PortalSession require(Message in) {
        return session(in).orElseThrow(() -> new HttpProblem(401, "unauthenticated",
                "sign in to the merchant portal first (/portal/merchant/sign-in); the session may have expired"));
    }

    @Override
    public MerchantPrincipal authenticate(Message request) {
        return require(request).user().principal();
    }

    /** @throws HttpProblem 403 {@code csrf-token-mismatch} when the request does not carry the session's token */
    static void requireCsrf(Message in, String expected, Map<String, String> form) {
        String presented = in.getHeader("X-CSRF-Token", String.class);
        if (presented == null) {
            presented = form.get("csrf");
        }
        if (presented == null || expected == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpProblem(403, "csrf-token-mismatch",
                    "this request does not carry the page's CSRF token; reload the page and try again");
        }
        requireSameOrigin(in);
    }

    /** A browser names the page a POST comes from (Origin); another site's page is refused even with a token. */
    static void requireSameOrigin(Message in) {
        String origin = in.getHeader("Origin", String.class);
        if (origin == null) {
            return;
        }
        String host = in.getHeader("Host", String.class);
        if (host == null && in.getBody() instanceof io.vertx.core.http.HttpServerRequest request
                && request.authority() != null) {
            host = request.authority().toString();
        }
        String bare = origin.replaceFirst("^https?://", "");
        if (host == null || !bare.equalsIgnoreCase(host)) {
            throw new HttpProblem(403, "cross-origin-request", "this request comes from another site's page");
        }
    }
}
