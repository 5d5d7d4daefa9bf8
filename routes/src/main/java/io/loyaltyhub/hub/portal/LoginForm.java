package io.loyaltyhub.hub.portal;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The one-time token of a sign-in form (merchant users, members, operator users): set as a cookie with the form and
 * sent back in it, so that no other site can sign a browser in under someone else's account.
 */
final class LoginForm {
    private static final SecureRandom RANDOM = new SecureRandom();

    private LoginForm() {
    }

    static String newToken() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** What the form's answer sets: the token's cookie, and the language's when the page was asked to switch it. */
    static List<String> cookies(String loginCookie, String token, PortalLanguage language, boolean switched, boolean secure) {
        List<String> cookies = new ArrayList<>(List.of(Cookies.set(loginCookie, token, null, secure)));
        if (switched) {
            cookies.add(Cookies.set(Cookies.LANGUAGE, language.tag, Duration.ofDays(365), secure));
        }
        return cookies;
    }
}
