package io.loyaltyhub.hub.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.reward.NewReward;
import io.loyaltyhub.domain.reward.RewardCatalogue;
import io.loyaltyhub.domain.testing.ReportDataSet;
import io.loyaltyhub.domain.testing.ReportDataSet.Shop;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The member page in headless Chromium: a wrong PIN refused, then the balance and history across both merchants. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
class MemberPageBrowserTest {
    private HubFixture fixture;
    private ChromeDriver browser;
    private ReportDataSet data;
    private String pin;

    @BeforeAll
    void start() throws IOException {
        browser = Browser.start(Files.createTempDirectory("member-downloads"));
        PortalExtension portal = new PortalExtension();
        fixture = HubFixture.start(Map.of(), List.of(portal));
        data = new ReportDataSet(fixture.hub().admin(), fixture.hub().cardReader(), fixture.hub().engine(),
                fixture.hub().database());
        Shop a = data.shop("shopA");
        Shop b = data.shop("shopB");
        data.seed(a, b);
        pin = portal.memberPins().set(data.accountOf(1));
        RewardCatalogue catalogue = new RewardCatalogue(fixture.hub().database(), IdGenerator.forNode(905), Clock.systemUTC());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        catalogue.add(new NewReward("TOTE", "Tote bag", a.id(), 200, null, today, today.plusDays(30), false, List.of(b.id())));
        catalogue.add(new NewReward("CINEMA", "Cinema ticket", null, 1000, null, today, today.plusDays(30), true, List.of()));
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
    void aShopperSignsInWithCardAndPinAndSeesHerPointsAtBothMerchants() throws IOException {
        signIn(ReportDataSet.card(1), "00000000".equals(pin) ? "11111111" : "00000000");
        assertThat(browser.findElement(By.id("sign-in-error")).getText()).isEqualTo("The card number or PIN is not right.");

        signIn(ReportDataSet.card(1), pin);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/portal/member/"));

        long account = data.accountOf(1);
        assertThat(browser.findElement(By.id("balance")).getText())
                .isEqualTo(Long.toString(fixture.queryLong("SELECT balance FROM member_account WHERE id = ?", account)));
        List<WebElement> rows = browser.findElements(By.cssSelector("#history tbody tr"));
        assertThat((long) rows.size()).isEqualTo(fixture.queryLong("SELECT COUNT(*) FROM ledger_entry WHERE account_id = ?", account));
        assertThat(rows).extracting(r -> r.findElements(By.tagName("td")).get(1).getText()).contains("Shop shopA", "Shop shopB");
        assertThat(browser.findElements(By.cssSelector("#rewards tbody tr"))).extracting(r -> r.getText())
                .containsExactly("Tote bag TOTE 200 Shop shopA, Shop shopB", "Cinema ticket CINEMA 1000 At every merchant");
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Browser.screenshotsDir().toPath().resolve("member-page.png"),
                StandardCopyOption.REPLACE_EXISTING);

        browser.findElement(By.linkText("简体中文")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "zh-CN".equals(
                d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(browser.findElement(By.id("balance-title")).getText()).isEqualTo("积分余额");

        browser.findElement(By.id("sign-out")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/portal/member/sign-in"));
        browser.get(fixture.baseUrl() + "/portal/member/");
        assertThat(browser.getCurrentUrl()).endsWith("/portal/member/sign-in");
    }

    private void signIn(String card, String pinTyped) {
        browser.get(fixture.baseUrl() + "/portal/member/sign-in?lang=en");
        browser.findElement(By.id("card")).sendKeys(card);
        browser.findElement(By.id("pin")).sendKeys(pinTyped);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.id("sign-in")).isEmpty()
                || !d.findElement(By.id("sign-in-error")).getText().isEmpty());
    }
}
