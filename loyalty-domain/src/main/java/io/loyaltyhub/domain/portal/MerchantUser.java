package io.loyaltyhub.domain.portal;

import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import io.loyaltyhub.domain.model.MerchantId;

/** A signed-in person of a merchant: the merchant comes from the user's own row, never from the request. */
public record MerchantUser(MerchantId merchant, long id, String username, String displayName) {
    /** The caller of merchant reports, as the download audit names it ({@code user:alice}). */
    public MerchantPrincipal principal() {
        return new MerchantPrincipal(merchant, "user:" + username);
    }
}
