package io.loyaltyhub.hub.operator;

import io.loyaltyhub.domain.admin.OperatorCredentials;
import io.loyaltyhub.hub.auth.LoginThrottle;
import io.loyaltyhub.hub.http.BasicCredentials;
import io.loyaltyhub.hub.http.ClientAddress;
import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.http.LoginLockout;
import org.apache.camel.Message;

/**
 * The operator API's login: HTTP Basic with an operator credential (operator-credential-add). Failed logins are
 * throttled per credential and per address like every other login of the hub.
 */
final class OperatorAuthenticator {
    private final OperatorCredentials credentials;
    private final LoginThrottle throttle;

    OperatorAuthenticator(OperatorCredentials credentials, LoginThrottle throttle) {
        this.credentials = credentials;
        this.throttle = throttle;
    }

    /** @return the credential id, which the audit records as who did it */
    String authenticate(Message request) {
        BasicCredentials presented = BasicCredentials.from(request.getHeader("Authorization", String.class),
                "the operator credential");
        String credential = "operator:" + presented.id();
        String address = ClientAddress.of(request);
        LoginLockout.refuseIfLockedOut(throttle, credential, address);
        if (credentials.authenticate(presented.id(), presented.secret()).isEmpty()) {
            throttle.failed(credential, address);
            throw new HttpProblem(401, "unknown-operator-or-wrong-credential",
                    "no active operator credential has this id and secret");
        }
        throttle.succeeded(credential, address);
        return presented.id();
    }
}
