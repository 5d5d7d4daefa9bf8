package io.loyaltyhub.hub.reports;

import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import org.apache.camel.Message;

/**
 * Decides once, at the edge, which merchant a request is from: from its HTTP Basic credential (the /merchant/v1 API)
 * or from a signed-in portal session. Nothing in the path or the parameters can change it.
 */
@FunctionalInterface
public interface MerchantCaller {
    /** @throws io.loyaltyhub.hub.http.HttpProblem when the caller is not a merchant (401, 429, 503) */
    MerchantPrincipal authenticate(Message request);
}
