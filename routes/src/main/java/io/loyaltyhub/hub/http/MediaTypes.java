package io.loyaltyhub.hub.http;

import java.util.Locale;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The body's media type, checked before the body is read: a request without a {@code Content-Type}, or with one the
 * endpoint does not take (multipart and form bodies included — no endpoint of the hub takes them), is refused with
 * 415 {@code unsupported-media-type}.
 */
public final class MediaTypes {
    public static final Predicate<String> JSON = "application/json"::equals;
    public static final Predicate<String> XML = type -> type.equals("application/xml") || type.equals("text/xml")
            || type.endsWith("+xml");

    private MediaTypes() {
    }

    /** @param advice what to send instead, e.g. "send the transaction as application/json" */
    public static void require(Message in, Predicate<String> accepted, String advice) {
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType == null || !accepted.test(mediaType(contentType))) {
            throw new HttpProblem(415, "unsupported-media-type", advice);
        }
    }

    /** "Application/JSON; charset=utf-8" → "application/json". */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
