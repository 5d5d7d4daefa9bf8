package io.loyaltyhub.domain.merchant;

import io.loyaltyhub.domain.model.MerchantId;

/** Who is calling a merchant endpoint: the merchant, resolved once from the credential, and which credential. */
public record MerchantPrincipal(MerchantId merchant, String credentialId) {
    public MerchantPrincipal {
        if (merchant == null || credentialId == null || credentialId.isBlank()) {
            throw new IllegalArgumentException("a merchant principal needs a merchant and a credential id");
        }
    }
}
