package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.portal.PortalSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What the signed-in merchant portal's pages share: the header ({@code merchant-header.html}: the navigation with the
 * page shown marked, the language links back to the same page and period, the user, signing out) and the language
 * cookie a language link sets.
 */
final class MerchantPortalPages {
    /** The pages of the navigation, each with its address, template and the query values its language links keep. */
    enum Page {
        DASHBOARD(MerchantDashboard.PATH, "dashboard", "merchant-dashboard.html", List.of("from", "to")),
        STATEMENTS(MerchantStatementsPage.PATH, "statements", "merchant-statements.html", List.of("from", "to")),
        REWARDS(MerchantRewardsPage.PATH, "rewards", "merchant-rewards.html", List.of());

        final String path;
        final String navName;
        final String template;
        final List<String> kept;

        Page(String path, String navName, String template, List<String> kept) {
            this.path = path;
            this.navName = navName;
            this.template = template;
            this.kept = kept;
        }
    }

    private final PortalPages pages;
    private final boolean secureCookies;

    MerchantPortalPages(PortalPages pages, boolean secureCookies) {
        this.pages = pages;
        this.secureCookies = secureCookies;
    }

    /** The messages of the pages in {@code language}, for the rows a page builds itself. */
    Map<String, String> messages(PortalLanguage language) {
        return pages.messages(language);
    }

    /** Answers {@code page} for the session's user with the template's own {@code values} and the shared header. */
    void show(Exchange exchange, int status, Page page, PortalSession session, Map<String, String> values) {
        Message in = exchange.getMessage();
        Map<String, String> query = PortalLanguage.query(in);
        PortalLanguage language = PortalLanguage.of(in, query);
        Map<String, String> all = new HashMap<>(values);
        all.put("header", pages.render("merchant-header.html", language, headerValues(page, session, values)));
        all.put("csrf", session.csrfToken());
        all.put("user", session.user().displayName());
        PortalStep.html(exchange, status, pages.render(page.template, language, all));
        if (PortalLanguage.switchedBy(query)) {
            exchange.getMessage().setHeader("Set-Cookie", Cookies.set(Cookies.LANGUAGE, language.tag,
                    Duration.ofDays(365), Cookies.secure(in, secureCookies)));
        }
    }

    private static Map<String, String> headerValues(Page page, PortalSession session, Map<String, String> values) {
        Map<String, String> header = new HashMap<>();
        for (Page p : Page.values()) {
            header.put("current." + p.navName, p == page ? " aria-current=\"page\"" : "");
        }
        header.put("here", page.path);
        StringBuilder kept = new StringBuilder();
        for (String name : page.kept) {
            String value = values.get(name);
            if (value != null) {
                kept.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        header.put("kept", kept.toString());
        header.put("csrf", session.csrfToken());
        header.put("user", session.user().displayName());
        return header;
    }
}
