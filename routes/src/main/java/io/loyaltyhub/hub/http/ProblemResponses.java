package io.loyaltyhub.hub.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes RFC 9457 problem details. The {@code code} member is the stable, documented error code. */
public final class ProblemResponses {
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProblemResponses() {
    }

    public static void answer(Exchange exchange, HttpProblem problem) {
        answer(exchange, problem.status(), problem.code(), problem.getMessage());
        problem.headers().forEach(exchange.getMessage()::setHeader);
    }

    public static void answer(Exchange exchange, int status, String code, String detail) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, PROBLEM_JSON);
        if (status == 401) {
            out.setHeader("WWW-Authenticate", "Basic realm=\"loyalty-hub\"");
        }
        out.setBody(ResponseBodies.whole(body(status, code, detail).toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The problem document itself, for answers written outside a Camel exchange (the HTTP server's own errors). */
    public static ObjectNode body(int status, String code, String detail) {
        return MAPPER.createObjectNode()
                .put("type", "urn:loyalty-hub:problem:" + code)
                .put("title", title(status))
                .put("status", status)
                .put("code", code)
                .put("detail", detail);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthenticated";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 408 -> "Request timeout";
            case 413 -> "Request body too large";
            case 409 -> "Conflict";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable transaction";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Request rejected";
        };
    }
}
