package io.loyaltyhub.hub.reports;

import io.loyaltyhub.domain.merchant.MerchantCredentials;
import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import io.loyaltyhub.hub.http.HttpProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Establishes which merchant is calling from its HTTP Basic credential (credential id : secret). This is the one
 * place the merchant of a /merchant/v1 request is decided; no parameter, path or header can change it.
 */
final class MerchantAuthenticator {
    private final MerchantCredentials credentials;

    MerchantAuthenticator(MerchantCredentials credentials) {
        this.credentials = credentials;
    }

    MerchantPrincipal authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new HttpProblem(401, "unauthenticated", "send the merchant credential as HTTP Basic authentication");
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
        return credentials.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1))
                .orElseThrow(() -> new HttpProblem(401, "unknown-merchant-or-wrong-credential",
                        "no active merchant credential has this id and secret"));
    }
}
