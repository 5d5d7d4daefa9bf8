package io.loyaltyhub.hub.portal;

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
 * A sign-in page of the portal, the same for merchant users, the operator's people and members: GET shows the form
 * with a one-time token that must come back together with the cookie set with the page (so no other site can sign a
 * browser in as someone else); POST is throttled per credential and per address like every login of the hub, checked
 * in a verification slot (a bounded number of password or PIN hashes at once), and on success opens a session and
 * goes to the signed-in home page. What differs between the three is their {@link Door}.
 *
 * @param <U> who signs in
 */
final class PortalSignIn<U> extends PortalStep {
    /** One kind of sign-in: its page, what it checks and the session it opens. */
    interface Door<U> {
        /** The form's template; it has {@code csrf}, {@code error} and {@code errorClass}, and the {@link #kept} values. */
        String template();

        /** The cookie that carries the form's one-time token. */
        String loginCookie();

        /** The message keys of the refusals: locked out, and not signed in. */
        String lockedMessage();

        String failedMessage();

        /** The throttle's name for whom the form names (for a member her card's token, never its number). */
        String credential(Map<String, String> form);

        /** Who the form signs in, or empty for a refusal; runs in a verification slot. */
        Optional<U> verify(Map<String, String> form);

        /** Opens the session of who signed in; returns the session cookie to set. */
        String openSession(U who, boolean secureCookie);

        /** Where a signed-in user goes. */
        String home();

        /** The form's values shown again with a refusal (or empty on the first showing). */
        default Map<String, String> kept(Map<String, String> form) {
            return Map.of();
        }
    }

    private final PortalPages pages;
    private final Door<U> door;
    private final LoginThrottle throttle;
    private final VerificationSlots slots;
    private final boolean secureCookies;
    private final RequestBodies bodies = new RequestBodies(8 * 1024, "body-too-large", "the form");

    PortalSignIn(PortalPages pages, Door<U> door, LoginThrottle throttle, VerificationSlots slots, boolean secureCookies) {
        this.pages = pages;
        this.door = door;
        this.throttle = throttle;
        this.slots = slots;
        this.secureCookies = secureCookies;
    }

    @Override
    void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        Map<String, String> query = PortalLanguage.query(in);
        PortalLanguage language = PortalLanguage.of(in, query);
        if ("POST".equals(in.getHeader(Exchange.HTTP_METHOD, String.class))) {
            signIn(exchange, language);
        } else {
            form(exchange, language, 200, "", Map.of(), PortalLanguage.switchedBy(query));
        }
    }

    private void signIn(Exchange exchange, PortalLanguage language) {
        Message in = exchange.getMessage();
        boolean secure = Cookies.secure(in, secureCookies);
        Map<String, String> form = Forms.parse(new String(bodies.read(in), StandardCharsets.UTF_8));
        MerchantSessionGate.requireCsrf(in, Cookies.read(in, door.loginCookie()).orElse(null), form);
        String credential = door.credential(form);
        String address = ClientAddress.of(in);
        try {
            LoginLockout.refuseIfLockedOut(throttle, credential, address);
        } catch (HttpProblem locked) {
            form(exchange, language, 429, pages.messages(language).get(door.lockedMessage()), form, false);
            exchange.getMessage().setHeader("Retry-After", locked.headers().get("Retry-After"));
            return;
        }
        Optional<U> who = slots.verify(() -> door.verify(form));
        if (who.isEmpty()) {
            throttle.failed(credential, address);
            form(exchange, language, 401, pages.messages(language).get(door.failedMessage()), form, false);
            return;
        }
        throttle.succeeded(credential, address);
        redirect(exchange, door.home(), List.of(door.openSession(who.get(), secure),
                Cookies.set(door.loginCookie(), "", Duration.ZERO, secure)));
    }

    private void form(Exchange exchange, PortalLanguage language, int status, String error, Map<String, String> form,
                      boolean switched) {
        String token = LoginForm.newToken();
        Map<String, String> values = new HashMap<>(door.kept(form));
        values.put("csrf", token);
        values.put("error", error);
        values.put("errorClass", error.isEmpty() ? "error hidden" : "error");
        html(exchange, status, pages.render(door.template(), language, values));
        exchange.getMessage().setHeader("Set-Cookie", LoginForm.cookies(door.loginCookie(), token, language, switched,
                Cookies.secure(exchange.getMessage(), secureCookies)));
    }
}
