package io.loyaltyhub.hub.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.reports.MerchantReportsExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's onboarding and earn-rule forms in headless Chromium: a merchant created (it appears, and the report
 * credential shown once works against the report API), a refused one leaving nothing behind, a store added, a card
 * range issued, an earn rate scheduled, a campaign added, refused for a bad multiplier with its code, and ended; forms
 * without the CSRF token refused; a merchant user's session refused; Chinese. It takes the screenshots of these pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Slow
class OperatorOnboardingBrowserTest {
    private static final String PASSWORD = "console password 1";
    private static final Pattern SHOWN_ONCE = Pattern.compile("(mrc-[A-Za-z0-9_-]+) / (\\S+)$");

    private HubFixture fixture;
    private ChromeDriver browser;
    private BrowserPage page;
    private HubFixture.Merchant shop;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeAll
    void start() throws IOException {
        browser = Browser.start(Files.createTempDirectory("onboarding-downloads"));
        page = new BrowserPage(browser);
        PortalExtension portal = new PortalExtension();
        fixture = HubFixture.start(Map.of(), List.of(new MerchantReportsExtension(), portal));
        shop = fixture.merchant();
        portal.operatorUsers().add("olga", "Olga Ng", PASSWORD, false);
        portal.users().add(shop.id(), "alice", "Alice Tan", PASSWORD, false);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    @Order(1)
    void aMerchantIsCreatedAppearsAndItsCredentialShownOnceWorks() throws Exception {
        browser.get(fixture.baseUrl() + "/portal/operator/sign-in?lang=en");
        page.type("username", "olga");
        page.type("password", PASSWORD);
        page.click("sign-in");
        page.waitFor(() -> browser.getCurrentUrl().endsWith("/portal/operator/"));
        page.click("nav-merchants");
        page.waitFor(() -> browser.getCurrentUrl().endsWith("/portal/operator/merchants"));

        page.type("merchant-code", "tea");
        page.type("merchant-name", "Tea House");
        page.type("merchant-currency", "SGD");
        page.type("merchant-points", "2");
        page.type("merchant-per", "100");
        page.click("add-merchant");

        page.waitFor(() -> !page.text("notice").isEmpty());
        assertThat(page.text("notice")).startsWith("Merchant created").contains("tea · 2 / 100 SGD");
        assertThat(page.row("merchants", "tea")).containsExactly("tea", "Tea House", "ACTIVE");
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM earn_rule r JOIN merchant m ON m.id = r.merchant_id "
                + "WHERE m.code = 'tea' AND r.currency = 'SGD' AND r.points = 2 AND r.per_minor_units = 100")).isEqualTo(1);
        Matcher shown = SHOWN_ONCE.matcher(page.text("notice"));
        assertThat(shown.find()).as(page.text("notice")).isTrue();
        HttpResponse<String> report = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(fixture.baseUrl() + "/merchant/v1/reports/statements")).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString((shown.group(1) + ":" + shown.group(2)).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        page.screenshot("operator-merchants");

        browser.navigate().refresh();
        assertThat(browser.getPageSource()).as("the secret is shown once").doesNotContain(shown.group(2));
    }

    @Test
    @Order(2)
    void aRefusedMerchantLeavesNothingBehind() {
        browser.get(fixture.baseUrl() + "/portal/operator/merchants");
        page.type("merchant-code", "ghost");
        page.type("merchant-name", "Ghost");
        page.type("merchant-currency", "XYZ");
        page.click("add-merchant");

        page.waitFor(() -> !page.text("error").isEmpty());
        assertThat(page.text("error")).isEqualTo("Refused: unknown currency XYZ");
        assertThat(page.cells("merchants", 0)).doesNotContain("ghost");
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM merchant WHERE code = 'ghost'")).isZero();
    }

    @Test
    @Order(3)
    void aStoreIsAddedAndACardRangeIssued() {
        browser.get(fixture.baseUrl() + "/portal/operator/merchants/" + shop.code());
        page.type("store-code", "S2");
        page.type("store-name", "Harbour front");
        page.click("add-store");
        page.waitFor(() -> page.text("notice").equals("Store added: S2"));
        assertThat(page.row("stores", "S2")).containsExactly("S2", "Harbour front");
        assertThat(browser.findElements(By.cssSelector("#store option"))).extracting(WebElement::getText)
                .contains("S2 · Harbour front");

        page.click("nav-cards");
        page.waitFor(() -> browser.getCurrentUrl().endsWith("/portal/operator/cards"));
        new Select(browser.findElement(By.id("range-programme"))).selectByValue("coalition");
        page.type("range-first", "6280000100000000");
        page.type("range-last", "6280000100000999");
        page.click("issue-range");
        page.waitFor(() -> page.text("notice").startsWith("Range issued for coalition"));
        assertThat(page.cells("ranges", 1)).contains("6280000100000000");
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM card_range")).isEqualTo(2);
    }

    @Test
    @Order(4)
    void anEarnRateIsScheduledAndACampaignAddedRefusedAndEnded() {
        browser.get(fixture.baseUrl() + "/portal/operator/merchants/" + shop.code());
        page.click("earn-rules-link");
        page.waitFor(() -> browser.getCurrentUrl().endsWith("/merchants/" + shop.code() + "/earn-rules"));
        assertThat(page.row("base-rates", "EUR")).containsExactly("EUR", "1", "100");

        page.type("rate-points", "3");
        page.set("rate-from", today.plusDays(1).toString());
        page.click("schedule-rate");
        page.waitFor(() -> page.text("notice").startsWith("Earn rate scheduled"));
        assertThat(page.row("rate-versions", "EUR")).containsExactly("EUR", "3", "100", today.plusDays(1) + " 00:00");

        addCampaign("DOUBLE", "multiplier", "200", today, today.plusDays(30), "S2");
        page.waitFor(() -> page.text("notice").equals("Campaign added: DOUBLE"));
        assertThat(page.row("campaigns", "DOUBLE")).startsWith("DOUBLE", "200 %", today + " 00:00",
                today.plusDays(30) + " 00:00", "S2 · whole sale", "running");

        addCampaign("HALF", "multiplier", "50", today, today.plusDays(30), "");
        page.waitFor(() -> page.text("error").contains("invalid-multiplier"));
        assertThat(page.text("error")).startsWith("Refused: invalid-multiplier: a multiplier is between 101% and 1000%");
        assertThat(page.cells("campaigns", 0)).containsExactly("DOUBLE");

        addCampaign("AGAIN", "multiplier", "150", today.plusDays(2), today.plusDays(3), "S2");
        page.waitFor(() -> page.text("error").contains("campaign-overlap"));
        assertThat(page.text("error")).startsWith("Refused: campaign-overlap:");
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM campaign")).isEqualTo(1);
        page.screenshot("operator-earn-rules");

        browser.findElement(By.cssSelector("#campaigns tbody tr button.danger")).click();
        page.waitFor(() -> page.text("notice").equals("Campaign ended now: DOUBLE"));
        assertThat(page.row("campaigns", "DOUBLE").get(5)).isEqualTo("ended");
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM campaign WHERE code = 'DOUBLE' AND ends_at < ?",
                java.sql.Timestamp.valueOf(today.plusDays(1).atStartOfDay()))).isEqualTo(1);
    }

    @Test
    @Order(5)
    void theNewFormsWithoutTheCsrfTokenAreRefused() {
        browser.get(fixture.baseUrl() + "/portal/operator/merchants");
        Map<?, ?> merchant = page.fetch("POST", "/portal/operator/merchants",
                "code=forged&name=Forged&currency=EUR&points=1&per=100");
        Map<?, ?> campaign = page.fetch("POST", "/portal/operator/merchants/" + shop.code() + "/earn-rules",
                "action=add-campaign&code=FORGED&kind=bonus&value=5&from=" + today + "&until=" + today.plusDays(1));

        assertThat(BrowserPage.status(merchant)).isEqualTo(403);
        assertThat((String) merchant.get("body")).contains("csrf-token-mismatch");
        assertThat(BrowserPage.status(campaign)).isEqualTo(403);
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM merchant WHERE code = 'forged'")).isZero();
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM campaign WHERE code = 'FORGED'")).isZero();
    }

    @Test
    @Order(6)
    void aMerchantUsersSessionOpensNoneOfTheNewForms() {
        PortalClient alice = new PortalClient(fixture.baseUrl());
        assertThat(alice.signIn(shop.code(), "alice", PASSWORD, null).statusCode()).isEqualTo(303);
        String csrf = PortalClient.csrfOf(alice.get("/portal/merchant/").body());

        HttpResponse<String> create = alice.post("/portal/operator/merchants", Map.of("csrf", csrf, "code", "byalice",
                "name", "By Alice", "currency", "EUR", "points", "1", "per", "100"), Map.of());
        HttpResponse<String> earn = alice.post("/portal/operator/merchants/" + shop.code() + "/earn-rules",
                Map.of("csrf", csrf, "action", "end-campaign", "campaign", "DOUBLE"), Map.of());

        assertThat(create.statusCode()).isEqualTo(401);
        assertThat(create.body()).contains("unauthenticated");
        assertThat(earn.statusCode()).isEqualTo(401);
        assertThat(alice.get("/portal/operator/merchants").statusCode()).as("to the console's sign-in").isEqualTo(303);
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM merchant WHERE code = 'byalice'")).isZero();
    }

    @Test
    @Order(7)
    void theEarnRulesPageSpeaksSimplifiedChinese() {
        browser.get(fixture.baseUrl() + "/portal/operator/merchants/" + shop.code() + "/earn-rules?lang=zh-CN");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(page.text("campaigns-title")).isEqualTo("营销活动");
        assertThat(page.row("campaigns", "DOUBLE").get(5)).isEqualTo("已结束");
        browser.get(fixture.baseUrl() + "/portal/operator/merchants?lang=en");
        assertThat(page.text("add-merchant-title")).isEqualTo("Add a merchant");
    }

    private void addCampaign(String code, String kind, String value, LocalDate from, LocalDate until, String store) {
        page.type("campaign-code", code);
        new Select(browser.findElement(By.id("campaign-kind"))).selectByValue(kind);
        page.type("campaign-value", value);
        page.set("campaign-from", from.toString());
        page.set("campaign-until", until.toString());
        new Select(browser.findElement(By.id("campaign-store"))).selectByValue(store);
        page.click("add-campaign");
    }
}
