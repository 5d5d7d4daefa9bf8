package io.loyaltyhub.domain.merchant;

import io.loyaltyhub.domain.model.MerchantId;

/** A merchant's report credential as issued: the secret is shown this once and stored only as an Argon2id hash. */
public record MerchantCredential(MerchantId merchant, String credentialId, String secret) {
    @Override
    public String toString() {
        return "MerchantCredential[" + merchant + ", " + credentialId + ", secret=***]";
    }
}
