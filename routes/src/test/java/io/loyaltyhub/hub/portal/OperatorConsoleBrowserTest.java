package io.loyaltyhub.hub.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.admin.TransactionLimitSettings;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator console in headless Chromium: a merchant user's password refused, the operator's sign-in, health and
 * throughput, the daily jobs' runs, a tier and the expiry rule set, a terminal added and disabled, a report credential issued and revoked, a limit refusal listed, a card blocked, a form without the CSRF token
 * refused, Chinese, sign-out. It takes the console's screenshots for docs/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Slow
class OperatorConsoleBrowserTest {
    private static final String PASSWORD = "console password 1";

    private HubFixture fixture;
    private ChromeDriver browser;
    private HubFixture.Merchant shop;
    private final String card = HubFixture.card(701);

    @BeforeAll
    void start() throws IOException {
        browser = Browser.start(Files.createTempDirectory("console-downloads"));
        PortalExtension portal = new PortalExtension();
        fixture = HubFixture.start(Map.of("hub.jobs.daily-at", "00:00", "hub.jobs.check-seconds", "1"),
                List.of(portal, new io.loyaltyhub.hub.jobs.DailyJobsExtension()));
        shop = fixture.merchant();
        fixture.merchant();
        portal.operatorUsers().add("olga", "Olga Ng", PASSWORD, false);
        portal.users().add(shop.id(), "alice", "Alice Tan", PASSWORD, false);
        for (int i = 0; i < 5; i++) {
            assertThat(fixture.swipe(shop, sale("s-" + i, HubFixture.card(702 + i), 2_500)).statusCode()).isEqualTo(200);
        }
        assertThat(fixture.swipe(shop, sale("s-card", card, 1_000)).statusCode()).isEqualTo(200);
        new TransactionLimitSettings(fixture.hub().database(), IdGenerator.forNode(905), Clock.systemUTC())
                .set(shop.id(), new TransactionLimitSettings.Limits(50_000L, null, null, null));
        assertThat(fixture.swipe(shop, sale("too-big", HubFixture.card(710), 250_000)).body()).contains("amount-over-limit");
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

    private static String sale(String ref, String cardNumber, long cents) {
        return "{\"txnRef\":\"" + ref + "\",\"type\":\"SALE\",\"cardNumber\":\"" + cardNumber + "\",\"amount\":" + cents
                + ",\"currency\":\"EUR\"}";
    }

    @Test
    @Order(1)
    void aMerchantUsersPasswordDoesNotOpenTheConsole() {
        signIn("alice", PASSWORD);
        assertThat(browser.findElement(By.id("sign-in-error")).getText())
                .isEqualTo("The user name, password or code is not right.");
        browser.get(fixture.baseUrl() + "/portal/operator/");
        assertThat(browser.getCurrentUrl()).endsWith("/portal/operator/sign-in");
        screenshot("operator-sign-in");
    }

    @Test
    @Order(2)
    void theOperatorSignsInAndSeesHealthThroughputAndTheMerchants() {
        signIn("olga", PASSWORD);
        waitFor(() -> browser.getCurrentUrl().endsWith("/portal/operator/"));

        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("Olga Ng");
        assertThat(cells("health", 0)).containsExactly("database", "broker", "engine");
        assertThat(cells("health", 1)).first().isEqualTo("up");
        assertThat(Long.parseLong(cells("throughput", 1).get(2))).as("transactions applied").isGreaterThanOrEqualTo(6);
        assertThat(cells("merchants", 0)).contains(shop.code());
        waitFor(() -> fixture.queryLong("SELECT COUNT(*) FROM job_run WHERE status = 'DONE'") == 3);
        browser.navigate().refresh();
        assertThat(cells("jobs", 1)).containsExactlyInAnyOrder("points-expiry", "tier-recompute", "period-close");
        assertThat(cells("jobs", 2)).containsOnly("done");
        screenshot("operator-overview");
    }

    @Test
    @Order(3)
    void aTerminalIsAddedAndDisabledAReportCredentialIssuedAndRevokedAndTheLimitRefusalIsListed() {
        browser.get(fixture.baseUrl() + "/portal/operator/");
        browser.findElement(By.linkText(shop.code())).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/portal/operator/merchants/" + shop.code()));
        assertThat(cells("limit-refusals", 2)).containsExactly("too-big");
        assertThat(cells("limit-refusals", 4)).containsExactly("****" + HubFixture.card(710).substring(12));
        assertThat(cells("limit-refusals", 6)).containsExactly("amount-over-limit");

        new Select(browser.findElement(By.id("store"))).selectByValue("S1");
        browser.findElement(By.id("terminal")).sendKeys("T9");
        browser.findElement(By.id("add-terminal")).click();
        waitFor(() -> browser.findElement(By.id("notice")).getText().contains("T9: term-"));
        assertThat(cells("terminals", 0)).containsExactly("T1", "T9");

        WebElement t9 = browser.findElements(By.cssSelector("#terminals tbody tr")).get(1);
        t9.findElement(By.cssSelector("button.danger")).click();
        waitFor(() -> browser.findElement(By.id("notice")).getText().equals("Disabled: terminal T9"));
        assertThat(cells("terminals", 2)).containsExactly("active", "disabled");
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM terminal WHERE code = 'T9' AND status = 'DISABLED'"))
                .isEqualTo(1);

        assertThat(cells("report-credentials", 0)).as("the fixture's merchant has none yet").containsExactly("Nothing here.");
        browser.findElement(By.id("issue-credential")).click();
        waitFor(() -> browser.findElement(By.id("notice")).getText().contains("mrc-"));
        String credential = cells("report-credentials", 0).get(0);
        assertThat(browser.findElement(By.id("notice")).getText()).contains(credential + " / ");
        assertThat(cells("report-credentials", 2)).containsExactly("active");
        screenshot("operator-merchant");
        browser.findElement(By.cssSelector("#report-credentials button.danger")).click();
        waitFor(() -> browser.findElement(By.id("notice")).getText().equals("Revoked: report credential " + credential));
        assertThat(cells("report-credentials", 2)).containsExactly("revoked");
        assertThat(browser.findElements(By.cssSelector("#report-credentials button"))).isEmpty();
    }

    @Test
    @Order(4)
    void aCardIsBlocked() {
        browser.findElement(By.id("nav-cards")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/portal/operator/cards"));
        browser.findElement(By.id("card")).sendKeys(card);
        new Select(browser.findElement(By.id("reason"))).selectByValue("STOLEN");
        browser.findElement(By.id("block")).click();

        waitFor(() -> browser.findElement(By.id("notice")).getText().startsWith("Blocked: card ****" + card.substring(12)));
        assertThat(cells("blocked", 0)).containsExactly("****" + card.substring(12));
        assertThat(cells("blocked", 2)).containsExactly("Stolen");
        assertThat(browser.getPageSource()).doesNotContain(card);
        assertThat(fixture.swipe(shop, sale("after-block", card, 1_000)).body()).contains("card-blocked");
        screenshot("operator-cards");
    }

    @Test
    @Order(5)
    void aTierIsDefinedAndMembersArePutInItAndPointsAreSetToExpire() {
        browser.findElement(By.id("nav-programme")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/portal/operator/programme"));
        browser.findElement(By.id("tier-code")).sendKeys("GOLD");
        browser.findElement(By.id("tier-name")).sendKeys("Gold");
        browser.findElement(By.id("tier-min-spend")).sendKeys("2000");
        browser.findElement(By.id("tier-multiplier")).sendKeys("150");
        browser.findElement(By.id("define-tier")).click();
        waitFor(() -> browser.findElement(By.id("notice")).getText().equals("Tier defined: GOLD"));
        browser.findElement(By.id("recompute-tiers")).click();
        waitFor(() -> browser.findElement(By.id("notice")).getText().startsWith("Members put in their tiers now: GOLD"));
        new Select(browser.findElement(By.id("expiry-rule-choice"))).selectByValue("months");
        browser.findElement(By.id("set-expiry")).click();
        waitFor(() -> browser.findElement(By.id("expiry-rule")).getText().equals("24 months after they were earned"));

        assertThat(new Select(browser.findElement(By.id("expiry-rule-choice"))).getFirstSelectedOption()
                .getAttribute("value")).as("the form shows the rule in force").isEqualTo("months");
        assertThat(cells("tiers", 2)).containsExactly("20.00 EUR");
        assertThat(cells("tiers", 4)).as("the set-up's five shoppers of 25 EUR; the one of 10 EUR stays out")
                .containsExactly("5");
        screenshot("operator-programme");
    }

    @Test
    @Order(6)
    void aFormSentWithoutTheCsrfTokenIsRefused() {
        browser.get(fixture.baseUrl() + "/portal/operator/merchants/" + shop.code());
        Map<?, ?> answer = (Map<?, ?>) browser.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {method: 'POST', credentials: 'same-origin', body: 'action=disable&terminal=T1',"
                        + " headers: {'Content-Type': 'application/x-www-form-urlencoded'}})"
                        + ".then(function (r) { return r.text().then(function (t) { done({status: r.status, body: t}); }); })"
                        + ".catch(function (e) { done({status: -1, body: String(e)}); });",
                "/portal/operator/merchants/" + shop.code());
        assertThat(((Number) answer.get("status")).intValue()).isEqualTo(403);
        assertThat((String) answer.get("body")).contains("csrf-token-mismatch");
        browser.navigate().refresh();
        assertThat(cells("terminals", 2).get(0)).as("T1 still active").isEqualTo("active");
    }

    @Test
    @Order(7)
    void theConsoleSpeaksSimplifiedChineseAndSignsOut() {
        browser.get(fixture.baseUrl() + "/portal/operator/");
        browser.findElement(By.linkText("简体中文")).click();
        waitFor(() -> "zh-CN".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(browser.findElement(By.id("health-title")).getText()).isEqualTo("本节点健康状况");
        assertThat(cells("health", 1)).first().isEqualTo("正常");
        screenshot("operator-overview-zh");
        browser.get(fixture.baseUrl() + "/portal/operator/cards");
        assertThat(browser.findElement(By.id("block-title")).getText()).isEqualTo("挂失或解除挂失");

        browser.findElement(By.id("sign-out")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/portal/operator/sign-in"));
        browser.get(fixture.baseUrl() + "/portal/operator/");
        assertThat(browser.getCurrentUrl()).endsWith("/portal/operator/sign-in");
    }

    private void signIn(String user, String password) {
        browser.get(fixture.baseUrl() + "/portal/operator/sign-in?lang=en");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        waitFor(() -> browser.findElements(By.id("sign-in")).isEmpty()
                || !browser.findElement(By.id("sign-in-error")).getText().isEmpty());
    }

    /** The text of one column of a table's body rows. */
    private List<String> cells(String table, int column) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).get(column).getText()).toList();
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new BrowserPage(browser).waitFor(condition);
    }

    private void screenshot(String name) {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), Browser.screenshotsDir().toPath().resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
