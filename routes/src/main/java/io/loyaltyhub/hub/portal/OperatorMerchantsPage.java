package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.admin.OperatorDirectory;
import io.loyaltyhub.domain.admin.OperatorQueries;
import io.loyaltyhub.domain.merchant.MerchantCredential;
import io.loyaltyhub.domain.merchant.MerchantCredentials;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.portal.OperatorUser;
import io.loyaltyhub.domain.portal.SessionStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * /portal/operator/merchants: every merchant, and a form that onboards one as {@code merchant-add} does (the merchant
 * and its base earn rate) and issues its first report credential as {@code merchant-credential-add} does, shown once.
 * The earn rate and currency are checked before anything is written, so a refused form leaves no merchant behind.
 */
final class OperatorMerchantsPage extends PortalStep {
    static final String PATH = "/portal/operator/merchants";

    private final OperatorConsolePages console;
    private final OperatorDirectory directory;
    private final CoalitionAdmin admin;
    private final MerchantCredentials credentials;

    OperatorMerchantsPage(OperatorConsolePages console, OperatorDirectory directory, CoalitionAdmin admin,
                          MerchantCredentials credentials) {
        this.console = console;
        this.directory = directory;
        this.admin = admin;
        this.credentials = credentials;
    }

    @Override
    void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        if ("POST".equals(in.getHeader(Exchange.HTTP_METHOD, String.class))) {
            OperatorConsolePages.PostedForm posted = console.postedForm(in);
            Map<String, String> form = posted.fields();
            SessionStore.Session<OperatorUser> session = posted.session();
            Map<String, String> values = new HashMap<>();
            int status = create(form, console.messages(in), values);
            show(exchange, status, session, values);
            return;
        }
        Optional<SessionStore.Session<OperatorUser>> session = console.sessionOrSignIn(exchange);
        session.ifPresent(s -> show(exchange, 200, s, new HashMap<>()));
    }

    private int create(Map<String, String> form, Map<String, String> words, Map<String, String> values) {
        String code = form.getOrDefault("code", "").trim();
        String currency = form.getOrDefault("currency", "").trim();
        try {
            Money.currencyOf(currency);
            EarnRate rate = new EarnRate(ConsoleForms.number(form, "points"), ConsoleForms.number(form, "per"));
            String name = ConsoleForms.required(form, "name");
            MerchantCredential credential = admin.onboardMerchant(code, name, currency, rate, credentials);
            values.put("notice", words.get("console.merchant-created") + " " + code + " · " + rate.points() + " / "
                    + rate.perMinorUnits() + " " + currency + " · " + credential.credentialId() + " / " + credential.secret());
            return 200;
        } catch (IllegalArgumentException refused) {
            values.put("error", words.get("console.refused") + " " + refused.getMessage());
            return 422;
        }
    }

    private void show(Exchange exchange, int status, SessionStore.Session<OperatorUser> session, Map<String, String> values) {
        StringBuilder rows = new StringBuilder();
        for (OperatorQueries.MerchantRow m : directory.merchants()) {
            rows.append("<tr><td><a href=\"").append(PortalPages.escape(OperatorConsolePages.MERCHANTS + m.code()))
                    .append("\">").append(PortalPages.escape(m.code())).append("</a></td><td>")
                    .append(PortalPages.escape(m.name())).append("</td><td>").append(PortalPages.escape(m.status()))
                    .append("</td></tr>\n");
        }
        values.put("merchants", rows.toString());
        console.show(exchange, status, "operator-merchants.html", PATH, session, values);
    }
}
