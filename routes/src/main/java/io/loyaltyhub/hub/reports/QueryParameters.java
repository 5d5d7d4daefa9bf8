package io.loyaltyhub.hub.reports;

import io.loyaltyhub.hub.http.HttpProblem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Report parameters from the raw query string, not from Camel headers: request headers and query parameters
 * share Camel's header map, and a header must never pass for a parameter (or the other way round).
 */
public final class QueryParameters {
    private static final int MAX_PARAMETERS = 20;

    private QueryParameters() {
    }

    public static Map<String, String> parse(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        String[] pairs = query.split("&");
        if (pairs.length > MAX_PARAMETERS) {
            throw new HttpProblem(400, "too-many-parameters", "at most " + MAX_PARAMETERS + " parameters");
        }
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (params.put(name, value) != null) {
                throw new HttpProblem(400, "duplicate-parameter", "parameter '" + name + "' is given twice");
            }
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "malformed-query", "the query string is not valid URL encoding");
        }
    }
}
