package io.loyaltyhub.hub.portal;

import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Message;

/** The portal's cookies: read from the request's Cookie header; written HttpOnly, SameSite=Strict, path-bound. */
final class Cookies {
    static final String SESSION = "lh_session";
    static final String LANGUAGE = "lh_lang";

    private Cookies() {
    }

    static Optional<String> read(Message in, String name) {
        String header = in.getHeader("Cookie", String.class);
        if (header == null) {
            return Optional.empty();
        }
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
                return Optional.of(part.substring(eq + 1).trim());
            }
        }
        return Optional.empty();
    }

    /** Whether cookies must be {@code Secure}: always when the request came over TLS, or when the setting says so. */
    static boolean secure(Message in, boolean setting) {
        return setting || in.getBody() instanceof io.vertx.core.http.HttpServerRequest r && r.isSSL();
    }

    /**
     * @param maxAge null for a cookie that ends with the browser, zero to delete it
     * @param secure whether the browser may send it only over TLS
     */
    static String set(String name, String value, Duration maxAge, boolean secure) {
        StringBuilder c = new StringBuilder(name).append('=').append(value).append("; Path=/portal; HttpOnly; SameSite=Strict");
        if (maxAge != null) {
            c.append("; Max-Age=").append(maxAge.toSeconds());
        }
        if (secure) {
            c.append("; Secure");
        }
        return c.toString();
    }
}
