package io.loyaltyhub.hub.http;

import java.util.Map;

/** An HTTP error answered as application/problem+json with a stable code (and, where HTTP asks for one, a header). */
public class HttpProblem extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, String> headers;

    public HttpProblem(int status, String code, String detail) {
        this(status, code, detail, Map.of());
    }

    /** @param headers sent with the problem, e.g. {@code Retry-After} with a 429 or 503, {@code Allow} with a 405 */
    public HttpProblem(int status, String code, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
