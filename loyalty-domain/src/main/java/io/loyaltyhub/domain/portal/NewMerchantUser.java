package io.loyaltyhub.domain.portal;

/**
 * A merchant user just created: the password and the TOTP secret (null without a second factor) are shown to the
 * operator once and never stored in the clear.
 */
public record NewMerchantUser(MerchantUser user, String password, String totpSecret) {
}
