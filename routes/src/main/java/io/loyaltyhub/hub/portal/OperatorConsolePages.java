package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.portal.OperatorUser;
import io.loyaltyhub.domain.portal.SessionStore;
import io.loyaltyhub.hub.http.RequestBodies;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * How every operator console page is drawn: its template inside the console's header (navigation, who is signed in,
 * languages, sign-out with the session's CSRF token), a notice and an error line, in the reader's language. A page
 * asked for without a session goes to the sign-in page.
 */
final class OperatorConsolePages {
    static final String HOME = "/portal/operator/";
    static final String CARDS = "/portal/operator/cards";
    static final String MERCHANTS = "/portal/operator/merchants/";

    private final PortalPages pages;
    private final OperatorSessionGate gate;
    private final boolean secureCookies;
    private final RequestBodies formBodies = new RequestBodies(4 * 1024, "body-too-large", "the form");

    OperatorConsolePages(PortalPages pages, OperatorSessionGate gate, boolean secureCookies) {
        this.pages = pages;
        this.gate = gate;
        this.secureCookies = secureCookies;
    }

    OperatorSessionGate gate() {
        return gate;
    }

    /** The reader's language for this request (a {@code lang} parameter, the cookie, or the browser's). */
    PortalLanguage language(Message in) {
        return PortalLanguage.of(in, PortalLanguage.query(in));
    }

    Map<String, String> messages(Message in) {
        return pages.messages(language(in));
    }

    /** A form posted to a console page: its fields, and the session whose CSRF token and origin it carried. */
    record PostedForm(SessionStore.Session<OperatorUser> session, Map<String, String> fields) {
    }

    /**
     * Reads a POSTed console form (at most 4 KiB) and checks it against the session: without a session, with another
     * token or from another origin it is refused ({@link OperatorSessionGate#requireForPost}).
     */
    PostedForm postedForm(Message in) {
        Map<String, String> fields = Forms.parse(new String(formBodies.read(in), StandardCharsets.UTF_8));
        return new PostedForm(gate.requireForPost(in, fields), fields);
    }

    /** The session of a GET, or empty after answering with a redirect to the sign-in page. */
    Optional<SessionStore.Session<OperatorUser>> sessionOrSignIn(Exchange exchange) {
        Optional<SessionStore.Session<OperatorUser>> session = gate.session(exchange.getMessage());
        if (session.isEmpty()) {
            PortalStep.redirect(exchange, OperatorSignIn.PATH, null);
        }
        return session;
    }

    /**
     * @param here   the page's own address (the language links point to it)
     * @param values the template's values; {@code notice} and {@code error} may be left out
     */
    void show(Exchange exchange, int status, String template, String here, SessionStore.Session<OperatorUser> session,
              Map<String, String> values) {
        Message in = exchange.getMessage();
        Map<String, String> query = PortalLanguage.query(in);
        PortalLanguage language = PortalLanguage.of(in, query);
        Map<String, String> all = new HashMap<>(values);
        all.putIfAbsent("notice", "");
        all.putIfAbsent("error", "");
        all.put("noticeClass", all.get("notice").isEmpty() ? "notice hidden" : "notice");
        all.put("errorClass", all.get("error").isEmpty() ? "error hidden" : "error");
        Map<String, String> header = new HashMap<>();
        header.put("here", here);
        header.put("csrf", session.csrfToken());
        header.put("user", session.owner().displayName());
        all.put("header", pages.render("operator-header.html", language, header));
        all.put("csrf", session.csrfToken());
        PortalStep.html(exchange, status, pages.render(template, language, all));
        if (PortalLanguage.switchedBy(query)) {
            exchange.getMessage().setHeader("Set-Cookie", Cookies.set(Cookies.LANGUAGE, language.tag,
                    Duration.ofDays(365), Cookies.secure(in, secureCookies)));
        }
    }

    /** Table rows built from text cells, each escaped, and at most one last cell of the page's own markup. */
    static final class Rows {
        private final StringBuilder html = new StringBuilder();

        Rows row(String... cells) {
            return rowWithActions(null, cells);
        }

        /** @param actionsHtml the last cell, built by {@link #button} (escaped parts only), or null for none */
        Rows rowWithActions(String actionsHtml, String... cells) {
            html.append("<tr>");
            for (String cell : cells) {
                html.append("<td>").append(PortalPages.escape(cell)).append("</td>");
            }
            if (actionsHtml != null) {
                html.append("<td class=\"actions\">").append(actionsHtml).append("</td>");
            }
            html.append("</tr>\n");
            return this;
        }

        /** A row of one cell across the table, saying there is nothing to show. */
        Rows emptyUnless(boolean any, int columns, String text) {
            if (!any) {
                html.append("<tr><td colspan=\"").append(columns).append("\" class=\"empty\">")
                        .append(PortalPages.escape(text)).append("</td></tr>\n");
            }
            return this;
        }

        @Override
        public String toString() {
            return html.toString();
        }
    }

    /** A one-button form posting {@code fields} (names and values escaped) with the session's CSRF token. */
    static String button(String action, String csrf, String label, String buttonClass, String... fields) {
        StringBuilder f = new StringBuilder("<form method=\"post\" class=\"inline\" action=\"")
                .append(PortalPages.escape(action)).append("\"><input type=\"hidden\" name=\"csrf\" value=\"")
                .append(PortalPages.escape(csrf)).append("\">");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            f.append("<input type=\"hidden\" name=\"").append(PortalPages.escape(fields[i])).append("\" value=\"")
                    .append(PortalPages.escape(fields[i + 1])).append("\">");
        }
        return f.append("<button type=\"submit\" class=\"").append(buttonClass).append("\">")
                .append(PortalPages.escape(label)).append("</button></form>").toString();
    }
}
