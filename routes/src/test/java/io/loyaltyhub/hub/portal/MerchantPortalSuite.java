package io.loyaltyhub.hub.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.expiry.ExpiryPolicy;
import io.loyaltyhub.domain.expiry.PointsExpiry;
import io.loyaltyhub.domain.merchant.MerchantCredential;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.reward.NewReward;
import io.loyaltyhub.domain.reward.RewardCatalogue;
import io.loyaltyhub.domain.testing.ReportDataSet;
import io.loyaltyhub.domain.testing.ReportDataSet.Shop;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.reports.MerchantReportsExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The merchant portal over real HTTP against a real hub with the fixed report data set (docs/reports.md): sign-in,
 * sessions, CSRF, throttling, languages, the charts' numbers, and merchant B's session asking for A's data refused
 * exactly as the /merchant/v1 API refuses it. Runs on the embedded database and on a MySQL-compatible server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
abstract class MerchantPortalSuite {
    static final String PASSWORD = "portal password 1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PERIOD = "from=" + ReportDataSet.FROM + "&to=" + ReportDataSet.TO;

    private HubFixture fixture;
    private PortalExtension portal;
    private Shop a;
    private Shop b;
    private String apiA;
    private String apiB;
    private ReportDataSet data;
    private String pinOfC1;
    private final HttpClient http = HttpClient.newHttpClient();

    abstract Map<String, String> databaseSettings();

    abstract void dropDatabase();

    @BeforeAll
    void start() {
        MerchantReportsExtension reports = new MerchantReportsExtension();
        portal = new PortalExtension();
        fixture = HubFixture.start(databaseSettings(), List.of(reports, portal));
        data = new ReportDataSet(fixture.hub().admin(), fixture.hub().cardReader(), fixture.hub().engine(),
                fixture.hub().database());
        a = data.shop("shopA");
        b = data.shop("shopB");
        data.seed(a, b);
        fixture.hub().admin().addStore(a.id(), "AONLY", "A's store that B does not have");
        portal.users().add(a.id(), "alice", "Alice Tan", PASSWORD, false);
        portal.users().add(b.id(), "bob", "Bob Lim", PASSWORD, false);
        portal.users().add(b.id(), "locked", "Locked Out", PASSWORD, false);
        MerchantCredential ca = reports.credentials().issue(a.id());
        MerchantCredential cb = reports.credentials().issue(b.id());
        apiA = basic(ca);
        apiB = basic(cb);
        pinOfC1 = portal.memberPins().set(data.accountOf(1));
    }

    @AfterAll
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        dropDatabase();
    }

    private PortalClient client() {
        return new PortalClient(fixture.baseUrl());
    }

    private PortalClient signedIn(String merchant, String user) {
        PortalClient c = client();
        HttpResponse<String> r = c.signIn(merchant, user, PASSWORD, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return c;
    }

    @Test
    void aMerchantUserSignsInAndGetsAnHttpOnlySameSiteSessionCookie() {
        PortalClient c = client();
        HttpResponse<String> page = c.get("/portal/merchant/sign-in");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.body()).doesNotContain("<script>").contains("name=\"password\"");

        HttpResponse<String> signedIn = c.post("/portal/merchant/sign-in", Map.of("csrf", PortalClient.csrfOf(page.body()),
                "merchant", "shopA", "username", "alice", "password", PASSWORD), Map.of());

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains("/portal/merchant/");
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith("lh_session="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Max-Age=43200")
                .startsWith("lh_session=" + a.id().value() + ".");
        HttpResponse<String> dashboard = c.get("/portal/merchant/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Alice Tan").contains("/portal/assets/dashboard.js");
    }

    @Test
    void aWrongPasswordAnotherMerchantsUserOrAnUnknownMerchantIsRefusedAlike() {
        for (String[] attempt : new String[][] {{"shopA", "alice", PASSWORD + "x"}, {"shopA", "bob", PASSWORD},
                {"nosuchshop", "alice", PASSWORD}}) {
            PortalClient c = client();
            HttpResponse<String> r = c.signIn(attempt[0], attempt[1], attempt[2], null);
            assertThat(r.statusCode()).as(String.join("/", attempt)).isEqualTo(401);
            assertThat(r.body()).contains("is not right");
            assertThat(c.cookies).doesNotContainKey("lh_session");
        }
    }

    @Test
    void aSignInWithoutTheFormsTokenIsRefused() {
        PortalClient c = client();
        c.get("/portal/merchant/sign-in");
        HttpResponse<String> r = c.post("/portal/merchant/sign-in", Map.of("csrf", "forged", "merchant", "shopA",
                "username", "alice", "password", PASSWORD), Map.of());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("csrf-token-mismatch");
        assertThat(c.cookies).doesNotContainKey("lh_session");
    }

    @Test
    void failedSignInsLockTheUserOutEvenWithTheRightPasswordAfterwards() {
        for (int i = 0; i < 5; i++) {
            assertThat(client().signIn("shopB", "locked", "wrong password " + i, null).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> r = client().signIn("shopB", "locked", PASSWORD, null);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void withoutASessionPagesGoToSignInAndDataIsRefused() {
        PortalClient c = client();
        HttpResponse<String> page = c.get("/portal/merchant/");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).contains("/portal/merchant/sign-in");
        HttpResponse<String> chart = c.get("/portal/merchant/api/charts/segments?" + PERIOD);
        assertThat(chart.statusCode()).isEqualTo(401);
        assertThat(chart.body()).contains("\"code\":\"unauthenticated\"");
        assertThat(c.get("/portal/merchant/api/reports/customers?" + PERIOD).statusCode()).isEqualTo(401);
    }

    @Test
    void theChartsShowTheFixedDataSetsNumbers() throws IOException {
        PortalClient c = signedIn("shopA", "alice");

        JsonNode segments = JSON.readTree(c.get("/portal/merchant/api/charts/segments?" + PERIOD).body());
        assertThat(segments.get("segments").toString())
                .isEqualTo("[\"champions\",\"loyal\",\"potential\",\"new\",\"at risk\",\"hibernating\",\"lost\"]");
        assertThat(segments.get("customers").toString()).isEqualTo("[1,1,1,1,1,1,2]");
        assertThat(segments.get("spend").toString()).isEqualTo("[60000,20000,4000,30000,24000,1500,2500]");
        assertThat(segments.get("top20").get("spendShare").asText()).isEqualTo("63.38");
        assertThat(segments.get("top20").get("customers").asLong()).isEqualTo(2);

        JsonNode lapsed = JSON.readTree(c.get("/portal/merchant/api/charts/lapsed?" + PERIOD).body());
        assertThat(lapsed.get("days").get(lapsed.get("days").size() - 1).asText()).isEqualTo("2026-06-30");
        assertThat(lapsed.get("lapsed").get(lapsed.get("lapsed").size() - 1).asLong()).isEqualTo(2);

        JsonNode sales = JSON.readTree(c.get("/portal/merchant/api/charts/sales?" + PERIOD).body());
        long spend = 0;
        for (JsonNode v : sales.get("spend")) {
            spend += v.asLong();
        }
        assertThat(spend).isEqualTo(142000);
        JsonNode daily = JSON.readTree(api(apiA, "/merchant/v1/reports/daily?format=json&" + PERIOD).body());
        assertThat(sales.get("days").size()).isEqualTo((int) java.util.stream.StreamSupport.stream(daily.spliterator(), false)
                .map(r -> r.get("day").asText()).distinct().count());

        JsonNode points = JSON.readTree(c.get("/portal/merchant/api/charts/points?" + PERIOD).body());
        JsonNode pointsReport = JSON.readTree(api(apiA, "/merchant/v1/reports/points?format=json&" + PERIOD).body());
        long issued = 0;
        long issuedByReport = 0;
        for (int i = 0; i < points.get("issued").size(); i++) {
            issued += points.get("issued").get(i).asLong();
            issuedByReport += pointsReport.get(i).get("issued").asLong();
        }
        assertThat(issued).isEqualTo(issuedByReport).isPositive();
    }

    @Test
    void theListsAreTheReportApisOwnRowsForTheSessionsMerchant() {
        PortalClient c = signedIn("shopA", "alice");
        HttpResponse<String> portalCustomers = c.get("/portal/merchant/api/reports/customers?format=json&" + PERIOD);
        HttpResponse<String> apiCustomers = api(apiA, "/merchant/v1/reports/customers?format=json&" + PERIOD);
        assertThat(portalCustomers.statusCode()).isEqualTo(200);
        assertThat(portalCustomers.body()).isEqualTo(apiCustomers.body());

        HttpResponse<String> csv = c.get("/portal/merchant/api/reports/lapsed?" + PERIOD);
        assertThat(csv.headers().firstValue("Content-Disposition")).get().asString()
                .contains("lapsed-2026-01-01-2026-07-01.csv");
        assertThat(csv.body().lines().count()).isEqualTo(3);
        assertThat(csv.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void merchantBsSessionAskingForAsDataIsRefusedExactlyAsTheApiRefusesIt() {
        PortalClient bob = signedIn("shopB", "bob");
        for (String query : List.of("store=AONLY&" + PERIOD, "merchant=shopA&" + PERIOD, "store=S1&store=AONLY")) {
            HttpResponse<String> viaApi = api(apiB, "/merchant/v1/reports/daily?" + query);
            HttpResponse<String> viaChart = bob.get("/portal/merchant/api/charts/sales?" + query);
            HttpResponse<String> viaList = bob.get("/portal/merchant/api/reports/daily?" + query);
            assertThat(viaApi.statusCode()).as(query).isIn(400, 404);
            assertThat(viaChart.statusCode()).as(query).isEqualTo(viaApi.statusCode());
            assertThat(viaChart.body()).as(query).isEqualTo(viaApi.body());
            assertThat(viaList.statusCode()).as(query).isEqualTo(viaApi.statusCode());
            assertThat(viaList.body()).as(query).isEqualTo(viaApi.body());
        }
        HttpResponse<String> bSegments = bob.get("/portal/merchant/api/charts/segments?" + PERIOD);
        HttpResponse<String> aSegments = signedIn("shopA", "alice").get("/portal/merchant/api/charts/segments?" + PERIOD);
        assertThat(bSegments.body()).isNotEqualTo(aSegments.body()).doesNotContain("63.38");
        assertThat(bob.get("/portal/merchant/api/reports/customers?format=json&" + PERIOD).body())
                .isEqualTo(api(apiB, "/merchant/v1/reports/customers?format=json&" + PERIOD).body());
    }

    @Test
    void aSessionCookieWhoseMerchantWasChangedOpensNothing() {
        PortalClient alice = signedIn("shopA", "alice");
        String token = alice.cookies.get("lh_session").split("\\.", 2)[1];
        PortalClient forged = client();
        forged.cookies.put("lh_session", b.id().value() + "." + token);
        assertThat(forged.get("/portal/merchant/api/charts/segments?" + PERIOD).statusCode()).isEqualTo(401);
        assertThat(forged.get("/portal/merchant/").statusCode()).isEqualTo(303);
    }

    @Test
    void signOutNeedsTheSessionsCsrfTokenAndEndsTheSession() {
        PortalClient c = signedIn("shopA", "alice");
        String csrf = PortalClient.csrfOf(c.get("/portal/merchant/").body());

        HttpResponse<String> forged = c.post("/portal/merchant/sign-out", Map.of("csrf", "not-the-token"), Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("\"code\":\"csrf-token-mismatch\"");
        HttpResponse<String> otherSite = c.post("/portal/merchant/sign-out", Map.of("csrf", csrf),
                Map.of("Origin", "https://evil.example"));
        assertThat(otherSite.statusCode()).isEqualTo(403);
        assertThat(c.get("/portal/merchant/api/charts/segments?" + PERIOD).statusCode()).isEqualTo(200);

        String session = c.cookies.get("lh_session");
        HttpResponse<String> out = c.post("/portal/merchant/sign-out", Map.of("csrf", csrf), Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        PortalClient stale = client();
        stale.cookies.put("lh_session", session);
        assertThat(stale.get("/portal/merchant/api/charts/segments?" + PERIOD).statusCode()).isEqualTo(401);
    }

    @Test
    void theLanguageFollowsTheBrowserAndCanBeSwitched() {
        PortalClient c = client();
        c.acceptLanguage = "zh-CN,zh;q=0.9,en;q=0.5";
        HttpResponse<String> zh = c.get("/portal/merchant/sign-in");
        assertThat(zh.body()).contains("<html lang=\"zh-CN\">").contains("商户登录");

        HttpResponse<String> switched = c.get("/portal/merchant/sign-in?lang=en");
        assertThat(switched.body()).contains("<html lang=\"en\">").contains("Merchant sign-in");
        assertThat(c.cookies).containsEntry("lh_lang", "en");
        assertThat(c.get("/portal/merchant/sign-in").body()).as("remembered").contains("Merchant sign-in");

        PortalClient english = client();
        english.acceptLanguage = "en-GB,en;q=0.9";
        assertThat(english.get("/portal/merchant/sign-in").body()).contains("<html lang=\"en\">");
    }

    @Test
    void everySignedInPageMarksItselfInTheNavigationAndItsLanguageLinksKeepThePageAndPeriod() {
        PortalClient c = signedIn("shopA", "alice");
        Map<String, String> pages = Map.of("/portal/merchant/", "nav-dashboard",
                "/portal/merchant/statements", "nav-statements", "/portal/merchant/rewards", "nav-rewards");
        pages.forEach((path, nav) -> {
            String body = c.get(path + (path.endsWith("rewards") ? "" : "?" + PERIOD)).body();
            assertThat(body).as(path).contains("id=\"" + nav + "\" aria-current=\"page\"").contains("Alice Tan")
                    .containsOnlyOnce("aria-current=\"page\"");
            String keptPeriod = path.endsWith("rewards") ? "" : "&amp;" + PERIOD.replace("&", "&amp;");
            assertThat(body).as(path).contains("href=\"" + path + "?lang=zh-CN" + keptPeriod + "\"");
        });

        HttpResponse<String> chinese = c.get("/portal/merchant/statements?lang=zh-CN&" + PERIOD);
        assertThat(chinese.body()).contains("<html lang=\"zh-CN\">")
                .contains("href=\"/portal/merchant/statements?lang=en&amp;" + PERIOD.replace("&", "&amp;") + "\"");
        assertThat(c.cookies).containsEntry("lh_lang", "zh-CN");
        assertThat(c.get("/portal/merchant/rewards").body()).as("remembered").contains("<html lang=\"zh-CN\">");
    }

    @Test
    void onlyTheNamedAssetsAreServedAndChartJsComesFromItsWebJar() {
        PortalClient c = client();
        HttpResponse<String> chart = c.get("/portal/assets/chart.umd.js");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).contains("Chart.js v4.4.3");
        assertThat(c.get("/portal/assets/portal.css").statusCode()).isEqualTo(200);
        assertThat(c.get("/portal/assets/dashboard.js").statusCode()).isEqualTo(200);
        assertThat(c.get("/portal/assets/..%2F..%2Flogback.xml").statusCode()).isEqualTo(404);
        assertThat(c.get("/portal/assets/nothing.js").statusCode()).isEqualTo(404);
    }

    @Test
    void aShopperSeesHerBalanceAndHerHistoryAtEveryMerchantByNameOnly() {
        PortalClient shopper = client();
        HttpResponse<String> signedIn = shopper.memberSignIn(ReportDataSet.card(1), pinOfC1);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        assertThat(shopper.cookies.get("lh_member")).isNotBlank();

        String page = shopper.get("/portal/member/").body();
        long account = data.accountOf(1);
        assertThat(page).contains("<strong id=\"balance\">" + fixture.queryLong(
                "SELECT balance FROM member_account WHERE id = ?", account) + "</strong>");
        assertThat(page).contains("Shop shopA").contains("Shop shopB");
        long rows = page.substring(page.indexOf("id=\"history\"")).lines().filter(l -> l.startsWith("<tr><td>")).count();
        assertThat(rows).isEqualTo(fixture.queryLong("SELECT COUNT(*) FROM ledger_entry WHERE account_id = ?", account));
        assertThat(page).doesNotContain(ReportDataSet.card(1));
        assertThat(page).as("her household's cards, last four digits only")
                .contains("<tr><td>****" + ReportDataSet.card(1).substring(12) + "</td><td>active</td></tr>")
                .contains("None of your points are due to expire.");
    }

    @Test
    void aShopperSeesTheRewardsHerBalanceAffordsTodayAndNoOthers() {
        long balance = fixture.queryLong("SELECT balance FROM member_account WHERE id = ?", data.accountOf(1));
        assertThat(balance).as("the data set gives card 1 points").isPositive();
        RewardCatalogue catalogue = new RewardCatalogue(fixture.hub().database(), IdGenerator.forNode(905), Clock.systemUTC());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        catalogue.add(new NewReward("PAGE-MUG", "Mug", null, balance, null, today.minusDays(1), today.plusDays(30), true, List.of()));
        catalogue.add(new NewReward("PAGE-PEN", "Pen", null, 1, 5L, today, today, true, List.of()));
        catalogue.add(new NewReward("PAGE-BIKE", "Bicycle", null, balance + 1, null, today, today.plusDays(30), true, List.of()));
        catalogue.add(new NewReward("PAGE-CALENDAR", "Old calendar", null, 1, null, today.minusDays(30), today.minusDays(1),
                true, List.of()));
        catalogue.add(new NewReward("PAGE-CAP", "Sold-out cap", null, 1, 0L, today, today.plusDays(30), true, List.of()));
        catalogue.add(new NewReward("PAGE-BAG", "Tote bag", a.id(), 2, null, today, today.plusDays(30), false, List.of(b.id())));
        catalogue.add(new NewReward("PAGE-CUP", "Cup", null, 3, null, today, today.plusDays(30), false, List.of(b.id())));
        PortalClient shopper = client();
        assertThat(shopper.memberSignIn(ReportDataSet.card(1), pinOfC1).statusCode()).isEqualTo(303);

        String page = shopper.get("/portal/member/").body();
        String rewards = page.substring(page.indexOf("id=\"rewards\""), page.indexOf("id=\"cards-title\""));

        assertThat(rewards).as("cheapest first, each with the merchants that hand it out").containsSubsequence(
                "<tr><td>Pen</td><td>PAGE-PEN</td><td class=\"n\">1</td><td>At every merchant</td></tr>",
                "<tr><td>Tote bag</td><td>PAGE-BAG</td><td class=\"n\">2</td><td>Shop shopA, Shop shopB</td></tr>",
                "<tr><td>Cup</td><td>PAGE-CUP</td><td class=\"n\">3</td><td>Shop shopB</td></tr>",
                "<tr><td>Mug</td><td>PAGE-MUG</td><td class=\"n\">" + balance + "</td><td>At every merchant</td></tr>");
        assertThat(rewards).doesNotContain("Bicycle").doesNotContain("Old calendar").doesNotContain("Sold-out cap");
    }

    @Test
    void aShopperSeesThePointsThatExpireNextWhenTheProgrammeHasAnExpiryRule() {
        PointsExpiry expiry = new PointsExpiry(fixture.hub().database(), IdGenerator.forNode(904), Clock.systemUTC());
        expiry.setPolicy(Optional.of(ExpiryPolicy.monthsAfterEarning(1200)));
        try {
            PortalClient shopper = client();
            assertThat(shopper.memberSignIn(ReportDataSet.card(1), pinOfC1).statusCode()).isEqualTo(303);
            long balance = fixture.queryLong("SELECT balance FROM member_account WHERE id = ?", data.accountOf(1));

            assertThat(shopper.get("/portal/member/").body()).contains("<p id=\"expiring\">" + balance
                    + " points expire on " + LocalDate.now(ZoneOffset.UTC).plusMonths(1200) + " (UTC) unless spent before.</p>");
        } finally {
            expiry.setPolicy(Optional.empty());
        }
    }

    @Test
    void aWrongPinAnUnknownCardOrACardWithoutPinIsRefusedAlike() {
        for (String[] attempt : new String[][] {{ReportDataSet.card(1), "00000000".equals(pinOfC1) ? "11111111" : "00000000"},
                {ReportDataSet.card(2), pinOfC1}, {"6280000099999990", pinOfC1}, {"not a card", pinOfC1}}) {
            PortalClient c = client();
            HttpResponse<String> r = c.memberSignIn(attempt[0], attempt[1]);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("card number or PIN is not right");
            assertThat(c.cookies).doesNotContainKey("lh_member");
        }
        assertThat(client().get("/portal/member/").statusCode()).isEqualTo(303);
    }

    @Test
    void failedPinsLockTheCardOutEvenWithTheRightPinAfterwards() {
        String pin = portal.memberPins().set(data.accountOf(3));
        String wrong = "00000000".equals(pin) ? "11111111" : "00000000";
        for (int i = 0; i < 5; i++) {
            assertThat(client().memberSignIn(ReportDataSet.card(3), wrong).statusCode()).isEqualTo(401);
        }
        PortalClient c = client();
        HttpResponse<String> locked = c.memberSignIn(ReportDataSet.card(3), pin);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(c.cookies).doesNotContainKey("lh_member");
        assertThat(client().memberSignIn(ReportDataSet.card(1), pinOfC1).statusCode())
                .as("another card is not locked out").isEqualTo(303);
    }

    @Test
    void aShoppersSignOutNeedsTheCsrfToken() {
        PortalClient shopper = client();
        shopper.memberSignIn(ReportDataSet.card(1), pinOfC1);
        String csrf = PortalClient.csrfOf(shopper.get("/portal/member/").body());
        assertThat(shopper.post("/portal/member/sign-out", Map.of("csrf", "forged"), Map.of()).statusCode()).isEqualTo(403);
        assertThat(shopper.get("/portal/member/").statusCode()).isEqualTo(200);
        assertThat(shopper.post("/portal/member/sign-out", Map.of("csrf", csrf), Map.of()).statusCode()).isEqualTo(303);
        assertThat(shopper.get("/portal/member/").statusCode()).isEqualTo(303);
    }

    private HttpResponse<String> api(String auth, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path)).header("Authorization", auth)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(MerchantCredential c) {
        return "Basic " + Base64.getEncoder().encodeToString((c.credentialId() + ":" + c.secret())
                .getBytes(StandardCharsets.UTF_8));
    }
}
