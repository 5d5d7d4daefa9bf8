package io.loyaltyhub.hub.reports;

import io.loyaltyhub.domain.merchant.MerchantCredentials;
import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import io.loyaltyhub.hub.http.BasicCredentials;
import io.loyaltyhub.hub.http.HttpProblem;

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
        BasicCredentials presented = BasicCredentials.from(authorization, "the merchant credential");
        return credentials.authenticate(presented.id(), presented.secret())
                .orElseThrow(() -> new HttpProblem(401, "unknown-merchant-or-wrong-credential",
                        "no active merchant credential has this id and secret"));
    }
}
