package io.loyaltyhub.domain.portal;

/**
 * An operator user just created: the password and the TOTP secret (null without a second factor) are shown once and
 * never stored in the clear.
 */
public record NewOperatorUser(OperatorUser user, String password, String totpSecret) {
}
