package io.loyaltyhub.hub.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An HTTP Basic credential (credential id : secret); a missing or malformed header is a 401 problem. */
public record BasicCredentials(String id, String secret) {

    /** @param whose what the caller should send, for the error text ("the terminal's credential") */
    public static BasicCredentials from(String authorization, String whose) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new HttpProblem(401, "unauthenticated", "send " + whose + " as HTTP Basic authentication");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(401, "unauthenticated", "the Authorization header is not valid Basic authentication");
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            throw new HttpProblem(401, "unauthenticated", "the Authorization header is not valid Basic authentication");
        }
        return new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + id + ", secret hidden]";
    }
}
