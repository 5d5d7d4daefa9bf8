package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.portal.PortalSession;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * GET /portal/merchant/: the dashboard of the signed-in merchant user (without a session: to the sign-in page). The
 * page holds no data and no script of its own; {@code dashboard.js} fetches the charts and lists from the portal's
 * JSON endpoints with the session cookie.
 */
final class MerchantDashboard extends PortalStep {
    static final String PATH = "/portal/merchant/";
    /** The period shown when none is chosen: the last six months, today included. */
    private static final int DEFAULT_DAYS = 183;

    private final PortalPages pages;
    private final MerchantSessionGate gate;
    private final Clock clock;
    private final boolean secureCookies;

    MerchantDashboard(PortalPages pages, MerchantSessionGate gate, Clock clock, boolean secureCookies) {
        this.pages = pages;
        this.gate = gate;
        this.clock = clock;
        this.secureCookies = secureCookies;
    }

    @Override
    void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        Map<String, String> query = PortalLanguage.query(in);
        PortalLanguage language = PortalLanguage.of(in, query);
        boolean secure = Cookies.secure(in, secureCookies);
        Optional<PortalSession> session = gate.session(in);
        if (session.isEmpty()) {
            redirect(exchange, MerchantSignIn.PATH, null);
            return;
        }
        LocalDate to = date(query.get("to")).orElse(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1));
        LocalDate from = date(query.get("from")).filter(f -> f.isBefore(to)).orElse(to.minusDays(DEFAULT_DAYS));
        Map<String, String> values = new HashMap<>();
        values.put("csrf", session.get().csrfToken());
        values.put("user", session.get().user().displayName());
        values.put("from", from.toString());
        values.put("to", to.toString());
        html(exchange, 200, pages.render("merchant-dashboard.html", language, values));
        if (PortalLanguage.switchedBy(query)) {
            exchange.getMessage().setHeader("Set-Cookie",
                    Cookies.set(Cookies.LANGUAGE, language.tag, Duration.ofDays(365), secure));
        }
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
