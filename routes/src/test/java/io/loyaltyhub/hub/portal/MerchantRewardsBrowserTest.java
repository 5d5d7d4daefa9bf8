package io.loyaltyhub.hub.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * The page of a merchant's own gifts and campaigns in a real browser (headless Chromium): the merchant user follows
 * the dashboard's link, adds a gift from the form, the merchant's till redeems it, and the page shows one less in
 * stock; a campaign refused by the stacking rule is shown with its code; the page in Simplified Chinese. Its
 * screenshots go to target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Slow
class MerchantRewardsBrowserTest {
    private static final String PASSWORD = "portal password 1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HubFixture fixture;
    private ChromeDriver browser;
    private HubFixture.Merchant shop;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeAll
    void start() throws IOException {
        browser = Browser.start(Files.createTempDirectory("rewards-downloads"));
        PortalExtension portal = new PortalExtension();
        fixture = HubFixture.start(Map.of(), List.of(portal));
        shop = fixture.merchant();
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
    void theMerchantUserSignsInAndFollowsTheLinkToGiftsAndCampaigns() {
        browser.get(fixture.baseUrl() + "/portal/merchant/sign-in");
        browser.findElement(By.id("merchant")).sendKeys(shop.code());
        browser.findElement(By.id("username")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/portal/merchant/"));

        browser.findElement(By.id("nav-rewards")).click();

        waitFor(() -> browser.getCurrentUrl().endsWith(MerchantRewardsPage.PATH));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Gifts and campaigns");
        assertThat(rows("own-gifts")).containsExactly(List.of("None."));
    }

    @Test
    @Order(2)
    void aGiftAddedFromTheFormIsRedeemedAtTheMerchantsTillAndThePageShowsOneLessInStock() throws IOException {
        browser.findElement(By.id("gift-code")).sendKeys("NOTEBOOK");
        browser.findElement(By.id("gift-name")).sendKeys("Notebook");
        browser.findElement(By.id("gift-price")).sendKeys("300");
        browser.findElement(By.id("gift-stock")).sendKeys("10");
        day("gift-until", today.plusDays(60));
        browser.findElement(By.id("add-gift-submit")).click();

        waitFor(() -> browser.findElement(By.id("notice")).isDisplayed());
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Gift added: NOTEBOOK");
        assertThat(rows("own-gifts").get(0)).startsWith("NOTEBOOK", "Notebook", "300", "10");

        String card = HubFixture.card(83_001);
        swipe("{\"txnRef\":\"s-1\",\"cardNumber\":\"" + card + "\",\"amount\":50000,\"currency\":\"EUR\"}");
        JsonNode redeemed = swipe("{\"txnRef\":\"r-1\",\"type\":\"REDEEM\",\"cardNumber\":\"" + card
                + "\",\"rewardCode\":\"NOTEBOOK\"}");
        assertThat(redeemed.get("status").asText()).isEqualTo("approved");
        assertThat(redeemed.get("balance").asLong()).isEqualTo(200);

        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("error")).isDisplayed()).as("a reload sends no form again").isFalse();
        assertThat(rows("own-gifts").get(0)).containsExactly("NOTEBOOK", "Notebook", "300", "9", today.toString(),
                today.plusDays(60).toString(), "Running", "End");
        screenshot("merchant-rewards");
    }

    @Test
    @Order(3)
    void aCampaignIsAddedAndASecondMultiplierOverTheSameSalesIsRefusedOnThePage() {
        addCampaign("AUTUMN2X", "200", today.plusDays(1), today.plusDays(30));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Campaign added: AUTUMN2X");

        addCampaign("AUTUMN3X", "300", today.plusDays(10), today.plusDays(40));

        assertThat(browser.findElement(By.id("error")).getText()).startsWith("Refused: campaign-overlap");
        assertThat(rows("campaigns")).hasSize(1);
        assertThat(rows("campaigns").get(0)).startsWith("AUTUMN2X", "200 %", "All stores");
    }

    @Test
    @Order(4)
    void endingTheCampaignBeforeItStartsWithdrawsIt() {
        browser.findElement(By.cssSelector("#campaigns td.actions button")).click();

        waitFor(() -> browser.findElement(By.id("notice")).isDisplayed());
        assertThat(browser.findElement(By.id("notice")).getText())
                .isEqualTo("Campaign withdrawn (it had not started): AUTUMN2X");
        assertThat(rows("campaigns")).containsExactly(List.of("None."));
    }

    @Test
    @Order(5)
    void thePageSpeaksSimplifiedChinese() {
        browser.get(fixture.baseUrl() + MerchantRewardsPage.PATH + "?lang=zh-CN");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("礼品与活动");
        assertThat(rows("own-gifts").get(0)).contains("进行中");
        screenshot("merchant-rewards-zh");
        browser.get(fixture.baseUrl() + MerchantRewardsPage.PATH + "?lang=en");
    }

    private void addCampaign(String code, String percent, LocalDate first, LocalDate last) {
        browser.findElement(By.id("campaign-code")).sendKeys(code);
        new Select(browser.findElement(By.id("campaign-kind"))).selectByValue("multiplier");
        browser.findElement(By.id("campaign-amount")).sendKeys(percent);
        day("campaign-from", first);
        day("campaign-until", last);
        browser.findElement(By.id("add-campaign-submit")).click();
        waitFor(() -> browser.findElement(By.id("notice")).isDisplayed() || browser.findElement(By.id("error")).isDisplayed());
    }

    /** A date input set as its date picker would set it (typing depends on the browser's locale). */
    private void day(String id, LocalDate day) {
        WebElement input = browser.findElement(By.id(id));
        browser.executeScript("arguments[0].value = arguments[1];", input, day.toString());
    }

    private List<List<String>> rows(String table) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }

    private JsonNode swipe(String json) throws IOException {
        HttpResponse<String> r = fixture.swipe(shop, json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
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
            throw new IllegalStateException(e);
        }
    }
}
