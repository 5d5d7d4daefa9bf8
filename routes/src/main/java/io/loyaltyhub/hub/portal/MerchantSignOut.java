package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.portal.MerchantUserSessions;
import io.loyaltyhub.domain.portal.PortalSession;
import io.loyaltyhub.hub.http.RequestBodies;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** POST /portal/merchant/sign-out: ends the session (it must carry the session's CSRF token). */
final class MerchantSignOut extends PortalStep {
    static final String PATH = "/portal/merchant/sign-out";

    private final MerchantSessionGate gate;
    private final MerchantUserSessions sessions;
    private final boolean secureCookies;
    private final RequestBodies bodies = new RequestBodies(4 * 1024, "body-too-large", "the form");

    MerchantSignOut(MerchantSessionGate gate, MerchantUserSessions sessions, boolean secureCookies) {
        this.gate = gate;
        this.sessions = sessions;
        this.secureCookies = secureCookies;
    }

    @Override
    void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        PortalSession session = gate.require(in);
        Map<String, String> form = Forms.parse(new String(bodies.read(in), StandardCharsets.UTF_8));
        MerchantSessionGate.requireCsrf(in, session.csrfToken(), form);
        sessions.close(session.cookie());
        redirect(exchange, MerchantSignIn.PATH, Cookies.set(Cookies.SESSION, "", Duration.ZERO, Cookies.secure(in, secureCookies)));
    }
}
