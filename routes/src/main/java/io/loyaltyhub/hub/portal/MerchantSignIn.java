package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.portal.MerchantUser;
import io.loyaltyhub.domain.portal.MerchantUserSessions;
import io.loyaltyhub.domain.portal.MerchantUsers;
import io.loyaltyhub.domain.portal.PortalSession;
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
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * /portal/merchant/sign-in: GET shows the form; POST checks merchant code, user name, password and (for users who
 * have one) the TOTP code, throttled per user and per address like every other login of the hub. The form carries a
 * one-time token that must match a cookie set with the page (no other site can sign a browser in as someone else).
 */
final class MerchantSignIn extends PortalStep {
    static final String PATH = "/portal/merchant/sign-in";
    private static final String LOGIN_COOKIE = "lh_login";

    private final PortalPages pages;
    private final MerchantUsers users;
    private final MerchantUserSessions sessions;
    private final Function<String, Optional<MerchantId>> merchantByCode;
    private final LoginThrottle throttle;
    private final VerificationSlots slots;
    private final boolean secureCookies;
    private final RequestBodies bodies = new RequestBodies(8 * 1024, "body-too-large", "the form");

    MerchantSignIn(PortalPages pages, MerchantUsers users, MerchantUserSessions sessions,
                   Function<String, Optional<MerchantId>> merchantByCode, LoginThrottle throttle, VerificationSlots slots,
                   boolean secureCookies) {
        this.pages = pages;
        this.users = users;
        this.sessions = sessions;
        this.merchantByCode = merchantByCode;
        this.throttle = throttle;
        this.slots = slots;
        this.secureCookies = secureCookies;
    }

    @Override
    void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        Map<String, String> query = PortalLanguage.query(in);
        boolean secure = Cookies.secure(in, secureCookies);
        PortalLanguage language = PortalLanguage.of(in, query);
        if ("POST".equals(in.getHeader(Exchange.HTTP_METHOD, String.class))) {
            signIn(exchange, language);
        } else {
            form(exchange, language, 200, "", "", PortalLanguage.switchedBy(query), secure);
        }
    }

    private void signIn(Exchange exchange, PortalLanguage language) {
        Message in = exchange.getMessage();
        boolean secure = Cookies.secure(in, secureCookies);
        Map<String, String> form = Forms.parse(new String(bodies.read(in), StandardCharsets.UTF_8));
        String loginToken = Cookies.read(in, LOGIN_COOKIE).orElse(null);
        MerchantSessionGate.requireCsrf(in, loginToken, form);
        String merchant = form.getOrDefault("merchant", "").trim();
        String username = form.getOrDefault("username", "").trim();
        String address = ClientAddress.of(in);
        String credential = "merchant-user:" + merchant + "/" + username;
        try {
            LoginLockout.refuseIfLockedOut(throttle, credential, address);
        } catch (HttpProblem locked) {
            form(exchange, language, 429, pages.messages(language).get("signin.locked"), merchant, false, secure);
            exchange.getMessage().setHeader("Retry-After", locked.headers().get("Retry-After"));
            return;
        }
        Optional<MerchantId> merchantId = merchant.length() > 64 ? Optional.empty() : merchantByCode.apply(merchant);
        String password = form.getOrDefault("password", "");
        Optional<MerchantUser> user = slots.verify(() -> merchantId.isPresent()
                ? users.signIn(merchantId.get(), username, password, form.get("totp"))
                : users.refuse(password));
        if (user.isEmpty()) {
            throttle.failed(credential, address);
            form(exchange, language, 401, pages.messages(language).get("signin.failed"), merchant, false, secure);
            return;
        }
        throttle.succeeded(credential, address);
        PortalSession session = sessions.open(user.get());
        redirect(exchange, MerchantDashboard.PATH, List.of(
                Cookies.set(Cookies.SESSION, session.cookie(), sessions.maxAge(), secure),
                Cookies.set(LOGIN_COOKIE, "", Duration.ZERO, secure)));
    }

    private void form(Exchange exchange, PortalLanguage language, int status, String error, String merchant,
                      boolean switched, boolean secure) {
        String token = LoginForm.newToken();
        Map<String, String> values = new HashMap<>();
        values.put("csrf", token);
        values.put("error", error);
        values.put("errorClass", error.isEmpty() ? "error hidden" : "error");
        values.put("merchant", merchant);
        html(exchange, status, pages.render("merchant-sign-in.html", language, values));
        exchange.getMessage().setHeader("Set-Cookie", LoginForm.cookies(LOGIN_COOKIE, token, language, switched, secure));
    }
}
