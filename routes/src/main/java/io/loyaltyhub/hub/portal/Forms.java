package io.loyaltyhub.hub.portal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** application/x-www-form-urlencoded text (a form's body, a query string): the first value of each name. */
final class Forms {
    private Forms() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        String[] pairs = text.split("&");
        for (int i = 0; i < pairs.length && i < 50; i++) {
            int eq = pairs[i].indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pairs[i] : pairs[i].substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pairs[i].substring(eq + 1), StandardCharsets.UTF_8);
                values.putIfAbsent(name, value);
            } catch (IllegalArgumentException malformed) {
                // a bad percent-encoding: the pair is left out, as if it had not been sent
            }
        }
        return values;
    }
}
