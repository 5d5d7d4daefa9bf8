package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.portal.OperatorUser;
import io.loyaltyhub.domain.portal.SessionStore;
import io.loyaltyhub.hub.http.HttpProblem;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Message;

/**
 * Who an operator console request comes from: the operator user of the session its cookie {@code lh_operator} names.
 * A merchant user's or a member's cookie opens nothing here (another cookie, another table). A state-changing request
 * must also carry the session's CSRF token and come from the hub's own pages, as in the merchant portal.
 */
final class OperatorSessionGate {
    static final String COOKIE = "lh_operator";

    private final SessionStore<OperatorUser> sessions;

    OperatorSessionGate(SessionStore<OperatorUser> sessions) {
        this.sessions = sessions;
    }

    Optional<SessionStore.Session<OperatorUser>> session(Message in) {
        return Cookies.read(in, COOKIE).flatMap(sessions::find);
    }

    /** @throws HttpProblem 401 {@code unauthenticated} without a live operator session */
    SessionStore.Session<OperatorUser> require(Message in) {
        return session(in).orElseThrow(() -> new HttpProblem(401, "unauthenticated",
                "sign in to the operator console first (/portal/operator/sign-in); the session may have expired"));
    }

    /** The session of a form's POST, checked for its CSRF token and origin. */
    SessionStore.Session<OperatorUser> requireForPost(Message in, Map<String, String> form) {
        SessionStore.Session<OperatorUser> session = require(in);
        MerchantSessionGate.requireCsrf(in, session.csrfToken(), form);
        return session;
    }

    SessionStore<OperatorUser> sessions() {
        return sessions;
    }
}
