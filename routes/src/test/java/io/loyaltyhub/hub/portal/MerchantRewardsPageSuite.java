package io.loyaltyhub.hub.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.reward.NewReward;
import io.loyaltyhub.domain.reward.RewardCatalogue;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The merchant portal's page of the merchant's own gifts and campaigns (docs/rewards.md, "A merchant's own gifts and
 * campaigns") over real HTTP on a real hub: what a merchant adds there its own till redeems, the coded refusals are
 * shown, and merchant B's session can neither see nor end A's gift or campaign, nor end the operator's. Runs on the
 * embedded database and on a MySQL-compatible server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
abstract class MerchantRewardsPageSuite {
    private static final String PASSWORD = "portal password 1";
    private static final String PAGE = MerchantRewardsPage.PATH;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SERIALS = new AtomicInteger(71_000);
    private static final AtomicInteger CODES = new AtomicInteger();

    private HubFixture fixture;
    private PortalExtension portal;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    abstract Map<String, String> databaseSettings();

    abstract void dropDatabase();

    @BeforeAll
    void start() {
        portal = new PortalExtension();
        fixture = HubFixture.start(databaseSettings(), List.of(portal));
    }

    @AfterAll
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        dropDatabase();
    }

    /** A new merchant with a portal user signed in. */
    private Shop shop() {
        HubFixture.Merchant m = fixture.merchant();
        portal.users().add(m.id(), "alice", "Alice of " + m.code(), PASSWORD, false);
        PortalClient c = new PortalClient(fixture.baseUrl());
        assertThat(c.signIn(m.code(), "alice", PASSWORD, null).statusCode()).isEqualTo(303);
        return new Shop(m, c);
    }

    private record Shop(HubFixture.Merchant merchant, PortalClient browser) {
        HttpResponse<String> page() {
            return browser.get(PAGE);
        }

        /** Posts the form with the page's own CSRF token; a change done redirects to the page, which is followed. */
        HttpResponse<String> post(String... fields) {
            Map<String, String> form = new HashMap<>();
            form.put("csrf", PortalClient.csrfOf(page().body()));
            for (int i = 0; i + 1 < fields.length; i += 2) {
                form.put(fields[i], fields[i + 1]);
            }
            HttpResponse<String> answer = browser.post(PAGE, form, Map.of());
            if (answer.statusCode() == 303) {
                String location = answer.headers().firstValue("Location").orElseThrow();
                assertThat(location).startsWith(PAGE + "?done=");
                return browser.get(location);
            }
            return answer;
        }
    }

    private static String code(String prefix) {
        return prefix + CODES.incrementAndGet();
    }

    private HttpResponse<String> addGift(Shop s, String code, String stock) {
        return s.post("action", "add-gift", "code", code, "name", "Gift " + code, "price", "200", "stock", stock,
                "from", today.toString(), "until", today.plusDays(30).toString());
    }

    private HttpResponse<String> addDoubling(Shop s, String code, LocalDate from, LocalDate until) {
        return s.post("action", "add-campaign", "code", code, "kind", "multiplier", "amount", "200",
                "from", from.toString(), "until", until.toString());
    }

    private String cardWith(HubFixture.Merchant m, long points) throws IOException {
        String card = HubFixture.card(SERIALS.incrementAndGet());
        assertThat(swipe(m, "{\"txnRef\":\"s-" + card + "\",\"cardNumber\":\"" + card + "\",\"amount\":" + points * 100
                + ",\"currency\":\"EUR\"}").get("points").asLong()).isEqualTo(points);
        return card;
    }

    private JsonNode redeem(HubFixture.Merchant at, String card, String reward) throws IOException {
        return swipe(at, "{\"txnRef\":\"r-" + CODES.incrementAndGet() + "\",\"type\":\"REDEEM\",\"cardNumber\":\"" + card
                + "\",\"rewardCode\":\"" + reward + "\"}");
    }

    private JsonNode swipe(HubFixture.Merchant m, String json) throws IOException {
        HttpResponse<String> r = fixture.swipe(m, json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String row(String... cells) {
        StringBuilder s = new StringBuilder("<tr>");
        for (String c : cells) {
            s.append("<td>").append(c).append("</td>");
        }
        return s.toString();
    }

    @Test
    void aGiftAddedOnThePageIsRedeemedAtTheMerchantsOwnTillOnlyAndShownWithItsStock() throws IOException {
        Shop a = shop();
        Shop b = shop();
        String gift = code("MUG");

        HttpResponse<String> added = addGift(a, gift, "5");

        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(added.body()).contains("Gift added: " + gift).contains(row(gift, "Gift " + gift, "200", "5"));
        String card = cardWith(a.merchant(), 1_000);
        JsonNode atA = redeem(a.merchant(), card, gift);
        assertThat(atA.get("status").asText()).isEqualTo("approved");
        assertThat(atA.get("points").asLong()).isEqualTo(-200);
        assertThat(redeem(b.merchant(), card, gift).get("code").asText()).isEqualTo("reward-not-offered-here");
        assertThat(a.page().body()).contains(row(gift, "Gift " + gift, "200", "4", today.toString()));
        assertThat(fixture.balanceOf(card)).isEqualTo(800);
    }

    @Test
    void anEndedGiftIsDeclinedAtTheTillAndItsCampaignEndsAtOnce() throws IOException {
        Shop a = shop();
        String gift = code("PEN");
        String campaign = code("DOUBLE");
        addGift(a, gift, "");
        assertThat(addDoubling(a, campaign, today.minusDays(1), today.plusDays(10)).statusCode()).isEqualTo(200);
        String card = HubFixture.card(SERIALS.incrementAndGet());
        assertThat(swipe(a.merchant(), "{\"txnRef\":\"before-" + campaign + "\",\"cardNumber\":\"" + card
                + "\",\"amount\":10000,\"currency\":\"EUR\"}").get("points").asLong()).as("doubled").isEqualTo(200);

        HttpResponse<String> endedGift = a.post("action", "end-gift", "code", gift);
        HttpResponse<String> endedCampaign = a.post("action", "end-campaign", "code", campaign);

        assertThat(endedGift.statusCode()).isEqualTo(200);
        assertThat(endedCampaign.body()).contains("Campaign ended (sales from now on earn without it): " + campaign);
        assertThat(redeem(a.merchant(), card, gift).get("code").asText()).isEqualTo("reward-expired");
        assertThat(swipe(a.merchant(), "{\"txnRef\":\"after-" + campaign + "\",\"cardNumber\":\"" + card
                + "\",\"amount\":1000,\"currency\":\"EUR\"}").get("points").asLong()).isEqualTo(10);
        assertThat(a.page().body()).contains(row(gift, "Gift " + gift, "200", "Unlimited", today.toString(),
                today.minusDays(1).toString(), "Ended"));
    }

    @Test
    void merchantBsSessionNeitherSeesNorEndsAsGiftOrCampaignNorTheOperatorsGift() throws IOException {
        Shop a = shop();
        Shop b = shop();
        String gift = code("BOOKMARK");
        String campaign = code("WELCOME");
        String operators = code("TOTE");
        String card = cardWith(a.merchant(), 1_000);
        addGift(a, gift, "3");
        addDoubling(a, campaign, today, today.plusDays(10));
        new RewardCatalogue(fixture.hub().database(), IdGenerator.forNode(931), Clock.systemUTC()).add(new NewReward(operators,
                "Tote bag", null, 500, null, today, today.plusDays(30), true, List.of()));

        String bsPage = b.page().body();
        HttpResponse<String> endGift = b.post("action", "end-gift", "code", gift);
        HttpResponse<String> endCampaign = b.post("action", "end-campaign", "code", campaign);
        HttpResponse<String> endOperators = b.post("action", "end-gift", "code", operators);

        assertThat(bsPage).doesNotContain(gift).doesNotContain(campaign).contains(row(operators, "Tote bag", "500"));
        assertThat(bsPage).as("the operator's gift has no end button").doesNotContain("value=\"" + operators + "\"");
        assertThat(endGift.statusCode()).isEqualTo(404);
        assertThat(endGift.body()).contains("Refused: reward-unknown");
        assertThat(endCampaign.statusCode()).isEqualTo(404);
        assertThat(endCampaign.body()).contains("Refused: unknown-campaign");
        assertThat(endOperators.statusCode()).isEqualTo(404);
        fixture.hub().admin().addStore(a.merchant().id(), "AONLY", "A's store that B does not have");
        assertThat(b.post("action", "add-campaign", "code", code("X"), "kind", "bonus", "amount", "5", "from",
                today.toString(), "until", today.toString(), "store", "AONLY").body()).contains("Refused: unknown-store");
        String asPage = a.page().body();
        assertThat(asPage).contains(row(gift, "Gift " + gift, "200", "3", today.toString(), today.plusDays(30).toString(),
                "Running"));
        assertThat(asPage).contains("<td>" + campaign + "</td>").contains("Running");
        assertThat(redeem(a.merchant(), card, gift).get("status").asText()).isEqualTo("approved");
    }

    @Test
    void refusalsAreShownWithTheirCodesInBothLanguagesAndChangeNothing() {
        Shop a = shop();
        String campaign = code("DOUBLE");
        addDoubling(a, campaign, today, today.plusDays(10));

        HttpResponse<String> zero = a.post("action", "add-campaign", "code", code("ZERO"), "kind", "multiplier",
                "amount", "0", "from", today.toString(), "until", today.plusDays(1).toString());
        HttpResponse<String> overlap = addDoubling(a, code("AGAIN"), today.plusDays(5), today.plusDays(20));
        HttpResponse<String> past = a.post("action", "add-gift", "code", code("OLD"), "name", "Old", "price", "10",
                "from", today.minusDays(9).toString(), "until", today.minusDays(1).toString());
        HttpResponse<String> free = a.post("action", "add-gift", "code", code("FREE"), "name", "Free", "price", "0",
                "from", today.toString(), "until", today.toString());
        a.browser().acceptLanguage = "zh-CN";
        HttpResponse<String> zh = addDoubling(a, code("AGAIN"), today.plusDays(1), today.plusDays(2));

        assertThat(zero.statusCode()).isEqualTo(422);
        assertThat(zero.body()).contains("Refused: invalid-multiplier: a multiplier is 101 to 1000.");
        assertThat(overlap.statusCode()).isEqualTo(409);
        assertThat(overlap.body()).contains("Refused: campaign-overlap");
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).contains("Refused: invalid-reward").contains("has passed already");
        assertThat(free.statusCode()).isEqualTo(422);
        assertThat(zh.statusCode()).isEqualTo(409);
        assertThat(zh.body()).contains("已拒绝： campaign-overlap").contains("倍数不叠加");
        a.browser().acceptLanguage = "en";
        String page = a.page().body();
        assertThat(page).contains("<td>" + campaign + "</td>").doesNotContain("ZERO").doesNotContain("OLD")
                .doesNotContain("FREE").doesNotContain("AGAIN");
    }

    @Test
    void withoutASessionOrTheCsrfTokenNothingIsChanged() {
        Shop a = shop();
        PortalClient stranger = new PortalClient(fixture.baseUrl());
        String gift = code("SNEAKY");

        HttpResponse<String> noSession = stranger.get(PAGE);
        HttpResponse<String> postNoSession = stranger.post(PAGE, Map.of("action", "add-gift", "code", gift), Map.of());
        HttpResponse<String> forged = a.browser().post(PAGE, Map.of("csrf", "forged", "action", "add-gift", "code", gift,
                "name", "x", "price", "1", "from", today.toString(), "until", today.toString()), Map.of());
        HttpResponse<String> otherSite = a.browser().post(PAGE, Map.of("csrf", PortalClient.csrfOf(a.page().body()),
                "action", "add-gift", "code", gift, "name", "x", "price", "1", "from", today.toString(),
                "until", today.toString()), Map.of("Origin", "https://evil.example"));

        assertThat(noSession.statusCode()).isEqualTo(303);
        assertThat(noSession.headers().firstValue("Location")).contains(MerchantSignIn.PATH);
        assertThat(postNoSession.statusCode()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("csrf-token-mismatch");
        assertThat(otherSite.statusCode()).isEqualTo(403);
        assertThat(otherSite.body()).contains("cross-origin-request");
        assertThat(a.page().body()).doesNotContain(gift);
        assertThat(a.page().headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").contains("form-action 'self'");
    }
}
