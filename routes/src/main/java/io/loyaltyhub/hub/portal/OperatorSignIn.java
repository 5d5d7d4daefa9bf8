package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.portal.OperatorUser;
import io.loyaltyhub.domain.portal.OperatorUsers;
import io.loyaltyhub.domain.portal.SessionStore;
import io.loyaltyhub.hub.auth.LoginThrottle;
import io.loyaltyhub.hub.http.ClientAddress;
import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.http.LoginLockout;
import io.loyaltyhub.hub.http.RequestBodies;
import io.loyaltyhub.hub.http.VerificationSlots;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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
        return new PortalStep() {
            @Override
            void handle(Exchange exchange) {
                Message in = exchange.getMessage();
                Map<String, String> query = PortalLanguage.query(in);
                PortalLanguage language = PortalLanguage.of(in, query);
                if ("POST".equals(in.getHeader(Exchange.HTTP_METHOD, String.class))) {
                    post(exchange, language);
                } else {
                    form(exchange, language, 200, "", PortalLanguage.switchedBy(query));
                }
            }
        };
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

    private void post(Exchange exchange, PortalLanguage language) {
        Message in = exchange.getMessage();
        boolean secure = Cookies.secure(in, secureCookies);
        Map<String, String> form = Forms.parse(new String(bodies.read(in), StandardCharsets.UTF_8));
        MerchantSessionGate.requireCsrf(in, Cookies.read(in, LOGIN_COOKIE).orElse(null), form);
        String username = form.getOrDefault("username", "").trim();
        String credential = "operator-user:" + username;
        String address = ClientAddress.of(in);
        try {
            LoginLockout.refuseIfLockedOut(throttle, credential, address);
        } catch (HttpProblem locked) {
            form(exchange, language, 429, pages.messages(language).get("signin.locked"), false);
            exchange.getMessage().setHeader("Retry-After", locked.headers().get("Retry-After"));
            return;
        }
        Optional<OperatorUser> user = slots.verify(() -> users.signIn(username, form.getOrDefault("password", ""),
                form.get("totp")));
        if (user.isEmpty()) {
            throttle.failed(credential, address);
            form(exchange, language, 401, pages.messages(language).get("console.signin-failed"), false);
            return;
        }
        throttle.succeeded(credential, address);
        SessionStore.Session<OperatorUser> session = gate.sessions().open(user.get());
        PortalStep.redirect(exchange, OperatorConsolePages.HOME, List.of(
                Cookies.set(OperatorSessionGate.COOKIE, session.cookie(), gate.sessions().maxAge(), secure),
                Cookies.set(LOGIN_COOKIE, "", Duration.ZERO, secure)));
    }

    private void form(Exchange exchange, PortalLanguage language, int status, String error, boolean switched) {
        String token = LoginForm.newToken();
        Map<String, String> values = new HashMap<>();
        values.put("csrf", token);
        values.put("error", error);
        values.put("errorClass", error.isEmpty() ? "error hidden" : "error");
        PortalStep.html(exchange, status, pages.render("operator-sign-in.html", language, values));
        exchange.getMessage().setHeader("Set-Cookie", LoginForm.cookies(LOGIN_COOKIE, token, language, switched,
                Cookies.secure(exchange.getMessage(), secureCookies)));
    }
}
