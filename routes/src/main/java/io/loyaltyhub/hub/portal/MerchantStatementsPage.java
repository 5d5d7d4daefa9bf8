package io.loyaltyhub.hub.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import io.loyaltyhub.domain.portal.PortalSession;
import io.loyaltyhub.domain.report.MerchantReports;
import io.loyaltyhub.domain.report.ReportRejected;
import io.loyaltyhub.hub.http.ProblemResponses;
import io.loyaltyhub.hub.reports.QueryParameters;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * GET /portal/merchant/statements: the signed-in merchant's settlement statements of its closed periods
 * (docs/settlement.md) with their figures, each downloadable as CSV or JSON. The list is the {@code statements}
 * report itself (its SQL, parameters, checks and audit), run for the session's merchant; the downloads are the
 * report API's own, through {@code /portal/merchant/api/reports/statements} for the day the period ended. The page's
 * parameters go to the report as they are, so a {@code merchant=} parameter or a bad period is refused exactly as
 * {@code /merchant/v1/reports/statements} refuses it.
 */
final class MerchantStatementsPage extends PortalStep {
    static final String PATH = "/portal/merchant/statements";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOWNLOAD = "/portal/merchant/api/reports/";

    private final MerchantPortalPages pages;
    private final MerchantSessionGate gate;
    private final MerchantReports reports;

    MerchantStatementsPage(MerchantPortalPages pages, MerchantSessionGate gate, MerchantReports reports) {
        this.pages = pages;
        this.gate = gate;
        this.reports = reports;
    }

    @Override
    void handle(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        Map<String, String> query = PortalLanguage.query(in);
        PortalLanguage language = PortalLanguage.of(in, query);
        Optional<PortalSession> session = gate.session(in);
        if (session.isEmpty()) {
            redirect(exchange, MerchantSignIn.PATH, null);
            return;
        }
        MerchantPrincipal who = session.get().user().principal();
        JsonNode rows;
        MerchantReports.PreparedReport prepared;
        try {
            Map<String, String> params = new HashMap<>(QueryParameters.parse(in.getHeader(Exchange.HTTP_RAW_QUERY, String.class)));
            params.remove("lang");
            params.put("format", "json");
            params.remove("gzip");
            prepared = reports.prepare(who, "statements", params);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            prepared.writeTo(bytes);
            rows = JSON.readTree(bytes.toByteArray());
        } catch (ReportRejected r) {
            ProblemResponses.answer(exchange, r.kind() == ReportRejected.Kind.NOT_FOUND ? 404 : 400, r.code(), r.getMessage());
            return;
        }
        Map<String, String> words = pages.messages(language);
        StringBuilder html = new StringBuilder();
        for (JsonNode s : rows) {
            String currency = s.get("currency").asText();
            html.append("<tr>");
            cell(html, s.get("period").asText());
            cell(html, s.get("start").asText().replace('T', ' '));
            cell(html, s.get("end").asText().replace('T', ' '));
            for (String points : new String[] {"issued", "reversed", "redeemed", "expired"}) {
                number(html, Long.toString(s.get(points).asLong()));
            }
            for (String money : new String[] {"owed_minor", "due_minor", "net_minor"}) {
                number(html, OperatorMerchantPage.amount(s.get(money).asLong(), currency));
            }
            String day = dayOf(LocalDateTime.parse(s.get("end").asText()));
            html.append("<td class=\"actions\">")
                    .append(link(DOWNLOAD + "statements?format=csv&" + day, "CSV", "statement-csv"))
                    .append(' ').append(link(DOWNLOAD + "statements?format=json&" + day, "JSON", "statement-json"))
                    .append(' ').append(link(DOWNLOAD + "statement-entries?format=csv&" + day,
                            words.get("statements.entries"), "statement-entries"))
                    .append("</td></tr>\n");
        }
        if (html.isEmpty()) {
            html.append("<tr><td colspan=\"11\" class=\"empty\">").append(PortalPages.escape(words.get("statements.none")))
                    .append("</td></tr>\n");
        }
        Map<String, String> values = new HashMap<>();
        values.put("from", prepared.request().period().from().toString());
        values.put("to", prepared.request().period().to().toString());
        values.put("rows", html.toString());
        pages.show(exchange, 200, MerchantPortalPages.Page.STATEMENTS, session.get(), values);
    }

    /**
     * The report dates that hold a statement of a period that ended at {@code end}: the statements report takes the
     * periods ending after {@code from}'s start and by {@code to}'s start, so the day up to the end, whole.
     */
    static String dayOf(LocalDateTime end) {
        LocalDate to = end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? end.toLocalDate() : end.toLocalDate().plusDays(1);
        return "from=" + to.minusDays(1) + "&to=" + to;
    }

    private static void cell(StringBuilder html, String text) {
        html.append("<td>").append(PortalPages.escape(text)).append("</td>");
    }

    private static void number(StringBuilder html, String text) {
        html.append("<td class=\"n\">").append(PortalPages.escape(text)).append("</td>");
    }

    private static String link(String href, String text, String cssClass) {
        return "<a class=\"" + cssClass + "\" href=\"" + PortalPages.escape(href) + "\">" + PortalPages.escape(text) + "</a>";
    }
}
