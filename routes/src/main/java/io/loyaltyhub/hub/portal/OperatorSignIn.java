package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.portal.OperatorUser;
import io.loyaltyhub.domain.portal.OperatorUsers;
import io.loyaltyhub.domain.portal.SessionStore;
import io.loyaltyhub.hub.auth.LoginThrottle;
import io.loyaltyhub.hub.http.RequestBodies;
import io.loyaltyhub.hub.http.VerificationSlots;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * /portal/operator/sign-in (GET the form, POST user name, password and TOTP code) and /portal/operator/sign-out, for
 * the operator's people: throttled per user and per address like every login of the hub, one Argon2id verification
 * at a time, and the same one-time form token as the merchant portal's sign-in.
 */
final class OperatorSignIn {
    static final String PATH = "/portal/operator/sign-in";
    static final String SIGN_OUT = "/portal/operator/sign-out";
    private static final String LOGIN_COOKIE = "lh_operator_login";

    private final PortalPages pages;
    private final OperatorUsers users;
    private final OperatorSessionGate gate;
    private final LoginThrottle throttle;
    private final VerificationSlots slots;
    private final boolean secureCookies;
    private final RequestBodies bodies = new RequestBodies(8 * 1024, "body-too-large", "the form");

    OperatorSignIn(PortalPages pages, OperatorUsers users, OperatorSessionGate gate, LoginThrottle throttle,
                   VerificationSlots slots, boolean secureCookies) {
        this.pages = pages;
        this.users = users;
        this.gate = gate;
        this.throttle = throttle;
        this.slots = slots;
        this.secureCookies = secureCookies;
    }

    PortalStep signIn() {
        return new PortalSignIn<>(pages, new Door(), throttle, slots, secureCookies);
    }

    PortalStep signOut() {
        return new PortalStep() {
            @Override
            void handle(Exchange exchange) {
                Message in = exchange.getMessage();
                Map<String, String> form = Forms.parse(new String(bodies.read(in), StandardCharsets.UTF_8));
                SessionStore.Session<OperatorUser> session = gate.requireForPost(in, form);
                gate.sessions().close(session.cookie());
                redirect(exchange, PATH, Cookies.set(OperatorSessionGate.COOKIE, "", Duration.ZERO,
                        Cookies.secure(in, secureCookies)));
            }
        };
    }

    /** User name, password and TOTP code, throttled per operator user. */
    private final class Door implements PortalSignIn.Door<OperatorUser> {
        @Override
        public String template() {
            return "operator-sign-in.html";
        }

        @Override
        public String loginCookie() {
            return LOGIN_COOKIE;
        }

        @Override
        public String lockedMessage() {
            return "signin.locked";
        }

        @Override
        public String failedMessage() {
            return "console.signin-failed";
        }

        @Override
        public String credential(Map<String, String> form) {
            return "operator-user:" + form.getOrDefault("username", "").trim();
        }

        @Override
        public Optional<OperatorUser> verify(Map<String, String> form) {
            return users.signIn(form.getOrDefault("username", "").trim(), form.getOrDefault("password", ""),
                    form.get("totp"));
        }

        @Override
        public String openSession(OperatorUser who, boolean secureCookie) {
            SessionStore.Session<OperatorUser> session = gate.sessions().open(who);
            return Cookies.set(OperatorSessionGate.COOKIE, session.cookie(), gate.sessions().maxAge(), secureCookie);
        }

        @Override
        public String home() {
            return OperatorConsolePages.HOME;
        }
    }
}
