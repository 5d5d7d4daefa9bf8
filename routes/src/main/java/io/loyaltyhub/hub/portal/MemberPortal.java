package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.household.HouseholdView;
import io.loyaltyhub.domain.household.Households;
import io.loyaltyhub.domain.member.CardAccounts;
import io.loyaltyhub.domain.portal.MemberHistory;
import io.loyaltyhub.domain.portal.MemberPins;
import io.loyaltyhub.domain.portal.MemberSessions.MemberSession;
import io.loyaltyhub.domain.portal.MemberSessions;
import io.loyaltyhub.domain.reward.Reward;
import io.loyaltyhub.domain.reward.RewardCatalogue;
import io.loyaltyhub.hub.auth.LoginThrottle;
import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.http.RequestBodies;
import io.loyaltyhub.hub.http.VerificationSlots;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The member page: a shopper signs in with her card number and the PIN the operator gave her account (throttled per
 * card and per address), and sees her balance and her points history across the coalition with merchant names only.
 * The card number is turned into its token at once and never kept; the throttle is keyed by the token.
 */
final class MemberPortal {
    static final String SIGN_IN = "/portal/member/sign-in";
    static final String PAGE = "/portal/member/";
    static final String SIGN_OUT = "/portal/member/sign-out";
    private static final String COOKIE = MemberSignIn.COOKIE;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PortalPages pages;
    private final CardReader cards;
    private final CardAccounts accounts;
    private final MemberPins pins;
    private final MemberSessions sessions;
    private final MemberHistory history;
    private final Households households;
    private final RewardCatalogue rewards;
    private final RewardPlaces places;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final VerificationSlots slots;
    private final boolean secureCookies;
    private final RequestBodies bodies = new RequestBodies(4 * 1024, "body-too-large", "the form");

    MemberPortal(PortalPages pages, CardReader cards, CardAccounts accounts, MemberPins pins, MemberSessions sessions,
                 MemberHistory history, Households households, RewardCatalogue rewards, Clock clock, LoginThrottle throttle,
                 VerificationSlots slots, boolean secureCookies, RewardPlaces places) {
        this.places = places;
        this.pages = pages;
        this.cards = cards;
        this.accounts = accounts;
        this.pins = pins;
        this.sessions = sessions;
        this.history = history;
        this.households = households;
        this.rewards = rewards;
        this.clock = clock;
        this.throttle = throttle;
        this.slots = slots;
        this.secureCookies = secureCookies;
    }

    PortalStep signIn() {
        return new PortalSignIn<>(pages, new MemberSignIn(cards, accounts, pins, sessions), throttle, slots,
                secureCookies);
    }

    PortalStep page() {
        return new PortalStep() {
            @Override
            void handle(Exchange exchange) {
                Message in = exchange.getMessage();
                Map<String, String> query = PortalLanguage.query(in);
                PortalLanguage language = PortalLanguage.of(in, query);
                Optional<MemberSession> session = Cookies.read(in, COOKIE).flatMap(sessions::find);
                if (session.isEmpty()) {
                    redirect(exchange, SIGN_IN, null);
                    return;
                }
                long account = session.get().accountId();
                StringBuilder rows = new StringBuilder();
                Map<String, String> words = pages.messages(language);
                for (MemberHistory.Entry e : history.entries(account)) {
                    rows.append("<tr><td>").append(PortalPages.escape(WHEN.format(e.at()))).append("</td><td>")
                            .append(PortalPages.escape(e.merchant())).append("</td><td>")
                            .append(PortalPages.escape(words.getOrDefault("member.kind." + e.kind(), e.kind())))
                            .append("</td><td class=\"n\">").append(e.points()).append("</td></tr>\n");
                }
                Map<String, String> values = new HashMap<>();
                long balance = history.balance(account).orElse(0L);
                values.put("balance", Long.toString(balance));
                values.put("rewards", affordable(balance, words));
                values.put("csrf", session.get().csrfToken());
                values.put("rows", rows.toString());
                values.put("cards", cards(account, words));
                values.put("expiring", history.nextExpiry(account).map(next -> words.get("member.expiring-text")
                        .replace("{points}", Long.toString(next.points())).replace("{date}", next.on().toString()))
                        .orElse(words.get("member.expiring-none")));
                PortalStep.html(exchange, 200, pages.render("member-page.html", language, values));
                if (PortalLanguage.switchedBy(query)) {
                    exchange.getMessage().setHeader("Set-Cookie", Cookies.set(Cookies.LANGUAGE, language.tag,
                            Duration.ofDays(365), Cookies.secure(in, secureCookies)));
                }
            }
        };
    }

    /**
     * The catalogue's rewards she can redeem today with the household's balance: valid today, in stock (or unlimited),
     * priced at most her balance, cheapest first, each with the merchants that hand it out ({@link RewardPlaces}).
     */
    private String affordable(long balance, Map<String, String> words) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        StringBuilder rows = new StringBuilder();
        Map<Long, String> names = places.names();
        rewards.list().stream()
                .filter(r -> r.pricePoints() <= balance && r.refusalOn(today) == null && (r.stockLeft() == null || r.stockLeft() > 0))
                .sorted(java.util.Comparator.comparingLong(Reward::pricePoints).thenComparing(Reward::code))
                .forEach(r -> rows.append("<tr><td>").append(PortalPages.escape(r.name())).append("</td><td>")
                        .append(PortalPages.escape(r.code())).append("</td><td class=\"n\">").append(r.pricePoints())
                        .append("</td><td>").append(PortalPages.escape(RewardPlaces.of(r, names, words)))
                        .append("</td></tr>\n"));
        return rows.isEmpty() ? "<tr><td colspan=\"4\">" + PortalPages.escape(words.get("member.rewards-none")) + "</td></tr>\n"
                : rows.toString();
    }

    /** The household's cards (every card sharing the account), last four digits and status only. */
    private String cards(long account, Map<String, String> words) {
        StringBuilder rows = new StringBuilder();
        for (HouseholdView.CardView card : households.show(account).cards()) {
            rows.append("<tr><td>****").append(PortalPages.escape(card.last4())).append("</td><td>")
                    .append(PortalPages.escape(words.getOrDefault("member.card-status." + card.status(), card.status())))
                    .append("</td></tr>\n");
        }
        return rows.toString();
    }

    PortalStep signOut() {
        return new PortalStep() {
            @Override
            void handle(Exchange exchange) {
                Message in = exchange.getMessage();
                MemberSession session = Cookies.read(in, COOKIE).flatMap(sessions::find).orElseThrow(() ->
                        new HttpProblem(401, "unauthenticated", "sign in to the member page first"));
                Map<String, String> form = Forms.parse(new String(bodies.read(in), StandardCharsets.UTF_8));
                MerchantSessionGate.requireCsrf(in, session.csrfToken(), form);
                sessions.close(session.cookie());
                redirect(exchange, SIGN_IN, Cookies.set(COOKIE, "", Duration.ZERO, Cookies.secure(in, secureCookies)));
            }
        };
    }
}
