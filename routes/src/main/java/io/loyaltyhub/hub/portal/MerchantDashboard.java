package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.portal.PortalSession;
import java.time.Clock;
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

    private final MerchantPortalPages pages;
    private final MerchantSessionGate gate;
    private final Clock clock;

    MerchantDashboard(MerchantPortalPages pages, MerchantSessionGate gate, Clock clock) {
        this.pages = pages;
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        Map<String, String> query = PortalLanguage.query(in);
        Optional<PortalSession> session = gate.session(in);
        if (session.isEmpty()) {
            redirect(exchange, MerchantSignIn.PATH, null);
            return;
        }
        LocalDate to = date(query.get("to")).orElse(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1));
        LocalDate from = date(query.get("from")).filter(f -> f.isBefore(to)).orElse(to.minusDays(DEFAULT_DAYS));
        Map<String, String> values = new HashMap<>();
        values.put("from", from.toString());
        values.put("to", to.toString());
        pages.show(exchange, 200, MerchantPortalPages.Page.DASHBOARD, session.get(), values);
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
