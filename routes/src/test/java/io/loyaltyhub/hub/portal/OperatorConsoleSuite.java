package io.loyaltyhub.hub.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyhub.domain.admin.TransactionLimitSettings;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The operator console over real HTTP against a real hub, on the embedded database and on a MySQL-compatible server:
 * sign-in, the overview, terminals added, given a new secret and disabled (and the till then refused), cards blocked
 * and unblocked with the API's codes, the refused transactions kept for review, CSRF, and a merchant user's password
 * or session opening nothing in the console.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
abstract class OperatorConsoleSuite {
    static final String PASSWORD = "console password 1";
    private static final Pattern CREDENTIAL = Pattern.compile("(term-[A-Za-z0-9_-]+) / ([A-Za-z0-9_-]+)");
    private static final Pattern REPORT_CREDENTIAL = Pattern.compile("(mrc-[A-Za-z0-9_-]+) / ([A-Za-z0-9_-]+)");

    private HubFixture fixture;
    private PortalExtension portal;
    private HubFixture.Merchant shop;

    abstract Map<String, String> databaseSettings();

    abstract void dropDatabase();

    @BeforeAll
    void start() {
        portal = new PortalExtension();
        Map<String, String> settings = new HashMap<>(databaseSettings());
        settings.put("hub.terminal-cache.ttl-seconds", "1");
        fixture = HubFixture.start(settings, List.of(new io.loyaltyhub.hub.reports.MerchantReportsExtension(), portal));
        shop = fixture.merchant();
        portal.operatorUsers().add("olga", "Olga Ng", PASSWORD, false);
        portal.users().add(shop.id(), "alice", "Alice Tan", PASSWORD, false);
    }

    @AfterAll
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        dropDatabase();
    }

    private PortalClient signedIn() {
        PortalClient c = new PortalClient(fixture.baseUrl());
        HttpResponse<String> r = c.operatorSignIn("olga", PASSWORD, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return c;
    }

    private static String sale(String ref, String card, long cents) {
        return "{\"txnRef\":\"" + ref + "\",\"type\":\"SALE\",\"cardNumber\":\"" + card + "\",\"amount\":" + cents
                + ",\"currency\":\"EUR\"}";
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void anOperatorSignsInAndSeesHealthThroughputAndTheMerchants() {
        PortalClient c = new PortalClient(fixture.baseUrl());
        HttpResponse<String> signIn = c.operatorSignIn("olga", PASSWORD, null);
        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.headers().firstValue("Location")).contains("/portal/operator/");
        assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("lh_operator=").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/portal"));
        assertThat(fixture.swipe(shop, sale("ov-1", HubFixture.card(501), 1000)).statusCode()).isEqualTo(200);

        HttpResponse<String> overview = c.get("/portal/operator/");

        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(overview.body()).doesNotContain("<script").contains("Olga Ng")
                .contains("<td>database</td><td>up</td>").contains("<td>broker</td>")
                .contains("href=\"/portal/operator/merchants/" + shop.code() + "\"");
        assertThat(transactionsApplied(overview.body())).isPositive();
        assertThat(c.get("/portal/operator/?lang=zh-CN").body()).contains("本节点健康状况").contains("<html lang=\"zh-CN\">");
    }

    @Test
    void failedSignInsLockTheOperatorUserOutEvenWithTheRightPasswordAfterwards() {
        portal.operatorUsers().add("oscar", "Oscar Lee", PASSWORD, false);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> refused = new PortalClient(fixture.baseUrl()).operatorSignIn("oscar", "wrong " + i, null);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("lh_operator="));
        }
        HttpResponse<String> locked = new PortalClient(fixture.baseUrl()).operatorSignIn("oscar", PASSWORD, null);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("lh_operator="));
        assertThat(new PortalClient(fixture.baseUrl()).operatorSignIn("olga", PASSWORD, null).statusCode())
                .as("another operator user is not locked out").isEqualTo(303);
    }

    private static long transactionsApplied(String page) {
        Matcher m = Pattern.compile("<td>Transactions applied by the engine</td><td>(\\d+)</td>").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aTerminalIsAddedGivenANewSecretAndDisabledAndTheTillFollowsAtOnce() {
        PortalClient c = signedIn();
        String page = "/portal/operator/merchants/" + shop.code();
        String csrf = PortalClient.csrfOf(c.get(page).body());

        HttpResponse<String> added = c.post(page, Map.of("csrf", csrf, "action", "add", "store", "S1", "terminal", "T9"), Map.of());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        Matcher first = CREDENTIAL.matcher(added.body());
        assertThat(first.find()).as(added.body()).isTrue();
        String id = first.group(1);
        String secret = first.group(2);
        assertThat(fixture.post(basic(id, secret), "application/json", sale("t9-1", HubFixture.card(502), 1000))
                .statusCode()).isEqualTo(200);

        HttpResponse<String> reset = c.post(page, Map.of("csrf", csrf, "action", "reset", "terminal", "T9"), Map.of());
        Matcher second = CREDENTIAL.matcher(reset.body());
        assertThat(second.find()).as(reset.body()).isTrue();
        assertThat(second.group(1)).isEqualTo(id);
        String fresh = second.group(2);
        assertThat(fresh).isNotEqualTo(secret);
        await().atMost(Duration.ofSeconds(20)).until(() -> fixture.post(basic(id, secret), "application/json",
                sale("t9-2", HubFixture.card(502), 1000)).statusCode() == 401);
        assertThat(fixture.post(basic(id, fresh), "application/json", sale("t9-3", HubFixture.card(502), 1000))
                .statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = c.post(page, Map.of("csrf", csrf, "action", "disable", "terminal", "T9"), Map.of());
        assertThat(disabled.body()).contains("Disabled: terminal T9").contains("<td>T9</td><td>" + id + "</td><td>disabled</td>");
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM terminal WHERE code = 'T9' AND status = 'DISABLED' "
                + "AND merchant_id = ?", shop.id().value())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> fixture.post(basic(id, fresh), "application/json",
                sale("t9-4", HubFixture.card(502), 1000)).statusCode() == 401);

        HttpResponse<String> again = c.post(page, Map.of("csrf", csrf, "action", "add", "store", "S1", "terminal", "T9"), Map.of());
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("already has a terminal T9");
        assertThat(c.get("/portal/operator/merchants/nosuchshop").statusCode()).isEqualTo(404);
    }

    @Test
    void aReportCredentialIsIssuedShownOnceAndRevokedAndTheReportApiRefusesItAtOnce() {
        HubFixture.Merchant other = fixture.merchant();
        PortalClient c = signedIn();
        String page = "/portal/operator/merchants/" + shop.code();
        String csrf = PortalClient.csrfOf(c.get(page).body());

        HttpResponse<String> issued = c.post(page, Map.of("csrf", csrf, "action", "issue-credential"), Map.of());
        Matcher credential = REPORT_CREDENTIAL.matcher(issued.body());
        assertThat(credential.find()).as(issued.body()).isTrue();
        String id = credential.group(1);
        String secret = credential.group(2);
        assertThat(issued.body()).contains("Report credential issued");
        assertThat(dailyReport(id, secret).statusCode()).as("verified, and remembered by the report API").isEqualTo(200);
        assertThat(c.get(page).body()).as("the secret is shown once").contains("<td>" + id + "</td>").doesNotContain(secret);

        HttpResponse<String> foreign = c.post("/portal/operator/merchants/" + other.code(), Map.of("csrf", csrf,
                "action", "revoke-credential", "credential", id), Map.of());
        assertThat(foreign.statusCode()).as("another merchant's page does not find it").isEqualTo(422);
        assertThat(foreign.body()).contains("has no active report credential " + id);
        assertThat(dailyReport(id, secret).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = c.post(page, Map.of("csrf", csrf, "action", "revoke-credential", "credential", id),
                Map.of());
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.body()).contains("Revoked: report credential " + id)
                .containsPattern("<td>" + id + "</td><td>[0-9 :-]+</td><td>revoked</td><td class=\"actions\"></td>");
        HttpResponse<String> refused = dailyReport(id, secret);
        assertThat(refused.statusCode()).as("refused at once, though the report API verified it a moment ago")
                .isEqualTo(401);
        assertThat(refused.body()).contains("unknown-merchant-or-wrong-credential");
        assertThat(c.post(page, Map.of("csrf", csrf, "action", "revoke-credential", "credential", id), Map.of())
                .statusCode()).as("revoked already").isEqualTo(422);
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM merchant_credential WHERE credential_id = ? AND status = "
                + "'REVOKED' AND merchant_id = ?", id, shop.id().value())).isEqualTo(1);
    }

    private HttpResponse<String> dailyReport(String id, String secret) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(fixture.baseUrl() + "/merchant/v1/reports/daily"))
                .header("Authorization", basic(id, secret)).GET().build();
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTierDefinedInTheConsoleTakesItsMembersAndTheirNextSaleEarnsItsMultiplierAndExpiryIsSet() {
        PortalClient c = signedIn();
        String page = "/portal/operator/programme";
        String csrf = PortalClient.csrfOf(c.get(page).body());
        String card = HubFixture.card(520);
        // A minute ago: a server that keeps whole seconds would not count a sale of this very second until the next.
        String aMinuteAgo = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1).toString();
        assertThat(fixture.swipe(shop, "{\"txnRef\":\"tier-1\",\"type\":\"SALE\",\"cardNumber\":\"" + card
                + "\",\"amount\":150000,\"currency\":\"EUR\",\"occurredAt\":\"" + aMinuteAgo + "\"}").body())
                .contains("\"points\":1500");

        HttpResponse<String> tooMuch = c.post(page, Map.of("csrf", csrf, "action", "define-tier", "code", "PLATINUM",
                "name", "Platinum", "currency", "EUR", "min-spend", "100000", "multiplier", "5000"), Map.of());
        HttpResponse<String> defined = c.post(page, Map.of("csrf", csrf, "action", "define-tier", "code", "GOLD",
                "name", "Gold", "currency", "eur", "min-spend", "100000", "multiplier", "150"), Map.of());
        HttpResponse<String> recomputed = c.post(page, Map.of("csrf", csrf, "action", "recompute-tiers"), Map.of());
        HttpResponse<String> nextSale = fixture.swipe(shop, sale("tier-2", card, 1_000));
        HttpResponse<String> expiry = c.post(page, Map.of("csrf", csrf, "action", "set-expiry", "rule", "months",
                "months", "24"), Map.of());
        HttpResponse<String> badMonths = c.post(page, Map.of("csrf", csrf, "action", "set-expiry", "rule", "months",
                "months", "0"), Map.of());
        HttpResponse<String> never = c.post(page, Map.of("csrf", csrf, "action", "set-expiry", "rule", "never"), Map.of());

        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("Refused: invalid-multiplier:");
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(200);
        assertThat(defined.body()).contains("Tier defined: GOLD").contains("<td>GOLD</td><td>Gold</td><td>1000.00 EUR</td>"
                + "<td>150 %</td><td>0</td>");
        assertThat(recomputed.body()).contains("Members put in their tiers now: GOLD 1")
                .contains("<td>150 %</td><td>1</td>");
        assertThat(nextSale.body()).as("10 base points and half as much again").contains("\"points\":15");
        assertThat(expiry.body()).contains("Points expire from now on: 24 months after they were earned");
        assertThat(badMonths.statusCode()).isEqualTo(422);
        assertThat(badMonths.body()).contains("between 1 and 1200 months");
        assertThat(never.body()).contains("<strong id=\"expiry-rule\">never</strong>");
        assertThat(c.get(page + "?lang=zh-CN").body()).contains("会员等级").contains("永不过期");
    }

    @Test
    void aCardIsBlockedAndUnblockedWithTheApisCodesAndTheTillRefusesItMeanwhile() {
        String card = HubFixture.card(503);
        assertThat(fixture.swipe(shop, sale("bl-1", card, 1000)).statusCode()).isEqualTo(200);
        PortalClient c = signedIn();
        String csrf = PortalClient.csrfOf(c.get("/portal/operator/cards").body());

        HttpResponse<String> blocked = c.post("/portal/operator/cards", Map.of("csrf", csrf, "action", "block", "card", card,
                "reason", "STOLEN"), Map.of());

        assertThat(blocked.statusCode()).as(blocked.body()).isEqualTo(200);
        String last4 = card.substring(12);
        assertThat(blocked.body()).contains("Blocked: card ****" + last4).doesNotContain(card)
                .containsPattern("<td>\\*\\*\\*\\*" + last4 + "</td><td>\\d+</td><td>Stolen</td>");
        assertThat(fixture.swipe(shop, sale("bl-2", card, 1000)).body()).contains("card-blocked");
        HttpResponse<String> twice = c.post("/portal/operator/cards", Map.of("csrf", csrf, "action", "block", "card", card,
                "reason", "LOST"), Map.of());
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("already-blocked");
        HttpResponse<String> notACard = c.post("/portal/operator/cards", Map.of("csrf", csrf, "action", "block",
                "card", "1234", "reason", "LOST"), Map.of());
        assertThat(notACard.statusCode()).isEqualTo(422);

        HttpResponse<String> unblocked = c.post("/portal/operator/cards", Map.of("csrf", csrf, "action", "unblock",
                "card", card), Map.of());
        assertThat(unblocked.body()).contains("Unblocked: card ****" + last4).doesNotContain("<td>****" + last4 + "</td>");
        assertThat(fixture.swipe(shop, sale("bl-3", card, 1000)).statusCode()).isEqualTo(200);
        assertThat(c.get("/portal/operator/cards").body()).contains("<td>" + HubFixture.RANGE_FIRST + "</td>");
    }

    @Test
    void aTransactionALimitDeclinedIsListedForReviewWithTheLastFourDigitsOnly() {
        HubFixture.Merchant limited = fixture.merchant();
        new TransactionLimitSettings(fixture.hub().database(), IdGenerator.forNode(903), Clock.systemUTC())
                .set(limited.id(), new TransactionLimitSettings.Limits(5_000L, null, null, null));
        String card = HubFixture.card(504);
        assertThat(fixture.swipe(limited, sale("big-1", card, 900_000)).body()).contains("amount-over-limit");

        String page = signedIn().get("/portal/operator/merchants/" + limited.code()).body();

        assertThat(page).contains("<td>T1</td><td>big-1</td><td>SALE</td><td>****" + card.substring(12)
                + "</td><td>9000.00 EUR</td><td>amount-over-limit</td><td>5000</td>").doesNotContain(card);
    }

    @Test
    void everyFormOfTheConsoleNeedsTheSessionsCsrfTokenAndItsOrigin() {
        PortalClient c = signedIn();
        String page = "/portal/operator/merchants/" + shop.code();
        String csrf = PortalClient.csrfOf(c.get(page).body());

        HttpResponse<String> without = c.post(page, Map.of("action", "disable", "terminal", "T1"), Map.of());
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).contains("csrf-token-mismatch");
        HttpResponse<String> wrong = c.post("/portal/operator/cards", Map.of("csrf", csrf + "x", "action", "block",
                "card", HubFixture.card(505), "reason", "LOST"), Map.of());
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> elsewhere = c.post(page, Map.of("csrf", csrf, "action", "disable", "terminal", "T1"),
                Map.of("Origin", "https://evil.example"));
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.body()).contains("cross-origin-request");
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM terminal WHERE status = 'ACTIVE' AND merchant_id = ?",
                shop.id().value())).as("T1 still active").isPositive();
        HttpResponse<String> signOut = c.post("/portal/operator/sign-out", Map.of(), Map.of());
        assertThat(signOut.statusCode()).isEqualTo(403);
        assertThat(c.post("/portal/operator/sign-out", Map.of("csrf", csrf), Map.of()).statusCode()).isEqualTo(303);
        assertThat(c.get("/portal/operator/").statusCode()).isEqualTo(303);
    }

    @Test
    void aMerchantUsersPasswordOrSessionOpensNothingInTheConsole() {
        PortalClient merchantUser = new PortalClient(fixture.baseUrl());
        assertThat(merchantUser.operatorSignIn("alice", PASSWORD, null).statusCode()).isEqualTo(401);
        assertThat(merchantUser.signIn(shop.code(), "alice", PASSWORD, null).statusCode()).isEqualTo(303);
        String csrf = PortalClient.csrfOf(merchantUser.get("/portal/merchant/").body());

        HttpResponse<String> console = merchantUser.get("/portal/operator/");
        assertThat(console.statusCode()).isEqualTo(303);
        assertThat(console.headers().firstValue("Location")).contains("/portal/operator/sign-in");
        HttpResponse<String> post = merchantUser.post("/portal/operator/cards", Map.of("csrf", csrf, "action", "block",
                "card", HubFixture.card(506), "reason", "LOST"), Map.of());
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(post.body()).contains("unauthenticated");
        merchantUser.cookies.put(OperatorSessionGate.COOKIE, merchantUser.cookies.get(Cookies.SESSION));
        assertThat(merchantUser.get("/portal/operator/").statusCode()).isEqualTo(303);
    }

    @Test
    void aMerchantIsOnboardedAndGivenAStoreARateAndACampaignWhichIsRefusedWithItsCodeAndEnded() {
        PortalClient c = signedIn();
        String csrf = PortalClient.csrfOf(c.get("/portal/operator/merchants").body());
        String code = "ob" + System.nanoTime() % 100_000;

        HttpResponse<String> created = c.post("/portal/operator/merchants", Map.of("csrf", csrf, "code", code, "name",
                "Onboarded", "currency", "EUR", "points", "1", "per", "100"), Map.of());
        HttpResponse<String> badRate = c.post("/portal/operator/merchants", Map.of("csrf", csrf, "code", code + "x",
                "name", "Bad rate", "currency", "EUR", "points", "1", "per", "0"), Map.of());
        String earn = "/portal/operator/merchants/" + code + "/earn-rules";
        HttpResponse<String> store = c.post("/portal/operator/merchants/" + code, Map.of("csrf", csrf, "action",
                "add-store", "store-code", "S1", "store-name", "Main street"), Map.of());
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        Map<String, String> campaign = new HashMap<>(Map.of("csrf", csrf, "action", "add-campaign", "code", "DOUBLE",
                "kind", "multiplier", "value", "200", "from", today.toString(), "until", today.plusDays(7).toString(),
                "store", "S1"));
        HttpResponse<String> added = c.post(earn, campaign, Map.of());
        campaign.put("code", "TENFOLD");
        campaign.put("value", "1001");
        HttpResponse<String> tooMuch = c.post(earn, campaign, Map.of());
        campaign.put("value", "300");
        HttpResponse<String> overlap = c.post(earn, campaign, Map.of());
        HttpResponse<String> foreign = c.post(earn, Map.of("csrf", csrf, "action", "end-campaign", "campaign", "DOUBLE"),
                Map.of("Origin", "https://evil.example"));
        HttpResponse<String> ended = c.post(earn, Map.of("csrf", csrf, "action", "end-campaign", "campaign", "DOUBLE"), Map.of());
        HttpResponse<String> again = c.post(earn, Map.of("csrf", csrf, "action", "end-campaign", "campaign", "DOUBLE"), Map.of());

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("<td><a href=\"/portal/operator/merchants/" + code + "\">").contains("mrc-");
        assertThat(badRate.statusCode()).isEqualTo(422);
        assertThat(badRate.body()).contains("Refused: perMinorUnits must be between 1 and 1,000,000,000");
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM merchant WHERE code = ?", code + "x")).isZero();
        assertThat(store.statusCode()).isEqualTo(200);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("Refused: invalid-multiplier:");
        assertThat(overlap.statusCode()).isEqualTo(409);
        assertThat(overlap.body()).contains("Refused: campaign-overlap:");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("cross-origin-request");
        assertThat(ended.statusCode()).isEqualTo(200);
        assertThat(ended.body()).contains("Campaign ended now: DOUBLE");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Refused: campaign-already-ended:");
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM campaign c JOIN merchant m ON m.id = c.merchant_id "
                + "WHERE m.code = ?", code)).isEqualTo(1);
    }
}
