package io.loyaltyhub.hub.reports;

import io.loyaltyhub.hub.auth.LoginThrottle;
import io.loyaltyhub.hub.http.LoginLockout;
import io.loyaltyhub.domain.merchant.MerchantCredentials;
import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import io.loyaltyhub.hub.http.BasicCredentials;
import io.loyaltyhub.hub.http.ClientAddress;
import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.http.VerificationSlots;
import java.util.Optional;
import org.apache.camel.Message;

/**
 * Establishes which merchant is calling from its HTTP Basic credential (credential id : secret). This is the one
 * place the merchant of a /merchant/v1 request is decided; no parameter, path or header can change it. Failed logins
 * are throttled per credential and per address ({@link LoginThrottle}); a secret not verified recently needs one of
 * the few Argon2id verification slots ({@link VerificationSlots}), so logins cannot take the CPU from the tills.
 */
final class MerchantAuthenticator implements MerchantCaller {
    private final MerchantCredentials credentials;
    private final LoginThrottle throttle;
    private final VerificationSlots slots;

    MerchantAuthenticator(MerchantCredentials credentials, LoginThrottle throttle, VerificationSlots slots) {
        this.credentials = credentials;
        this.throttle = throttle;
        this.slots = slots;
    }

    @Override
    public MerchantPrincipal authenticate(Message request) {
        BasicCredentials presented = BasicCredentials.from(request.getHeader("Authorization", String.class),
                "the merchant credential");
        String credential = "merchant:" + presented.id();
        String address = ClientAddress.of(request);
        LoginLockout.refuseIfLockedOut(throttle, credential, address);
        Optional<MerchantPrincipal> who = credentials.recentlyVerified(presented.id(), presented.secret());
        if (who.isEmpty()) {
            who = slots.verify(() -> credentials.authenticate(presented.id(), presented.secret()));
        }
        if (who.isEmpty()) {
            throttle.failed(credential, address);
            throw new HttpProblem(401, "unknown-merchant-or-wrong-credential",
                    "no active merchant credential has this id and secret");
        }
        throttle.succeeded(credential, address);
        return who.get();
    }
}
