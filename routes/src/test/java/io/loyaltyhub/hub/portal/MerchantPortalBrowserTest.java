package io.loyaltyhub.hub.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.merchant.MerchantCredential;
import io.loyaltyhub.domain.testing.ReportDataSet;
import io.loyaltyhub.domain.testing.ReportDataSet.Shop;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.reports.MerchantReportsExtension;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The merchant portal in a real browser (headless Chromium): sign-in, every chart drawn with the fixed data set's
 * numbers, the lists, a download, merchant A's session asking for B's store refused as the API refuses it, a forged
 * state-changing request refused, both languages, sign-out. Screenshots go to target/screenshots (the ones in
 * docs/screenshots are copies of them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Slow
class MerchantPortalBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PERIOD = "from=" + ReportDataSet.FROM + "&to=" + ReportDataSet.TO;

    private HubFixture fixture;
    private ChromeDriver browser;
    private Path downloads;
    private Shop a;
    private String apiA;

    @BeforeAll
    void start() throws IOException {
        downloads = Files.createTempDirectory("portal-downloads");
        browser = Browser.start(downloads);
        MerchantReportsExtension reports = new MerchantReportsExtension();
        PortalExtension portal = new PortalExtension();
        fixture = HubFixture.start(Map.of(), List.of(reports, portal));
        ReportDataSet data = new ReportDataSet(fixture.hub().admin(), fixture.hub().cardReader(), fixture.hub().engine(),
                fixture.hub().database());
        a = data.shop("shopA");
        Shop b = data.shop("shopB");
        data.seed(a, b);
        fixture.hub().admin().addStore(b.id(), "BONLY", "B's store that A does not have");
        portal.users().add(a.id(), "alice", "Alice Tan", MerchantPortalSuite.PASSWORD, false);
        MerchantCredential credential = reports.credentials().issue(a.id());
        apiA = "Basic " + Base64.getEncoder().encodeToString((credential.credentialId() + ":" + credential.secret())
                .getBytes(StandardCharsets.UTF_8));
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
    void aMerchantUserSignsIn() {
        browser.get(fixture.baseUrl() + "/portal/merchant/sign-in");
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Merchant sign-in");
        assertThat(browser.findElement(By.cssSelector("label[for=password]")).getText()).isEqualTo("Password");
        browser.findElement(By.id("merchant")).sendKeys("shopA");
        browser.findElement(By.id("username")).sendKeys("alice");
        screenshot("merchant-sign-in");
        browser.findElement(By.id("password")).sendKeys(MerchantPortalSuite.PASSWORD);
        browser.findElement(By.id("sign-in")).click();

        waitFor(() -> browser.getCurrentUrl().endsWith("/portal/merchant/"));
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("Alice Tan");
        assertThat(browser.manage().getCookieNamed("lh_session").isHttpOnly()).isTrue();
    }

    @Test
    @Order(2)
    void everyChartIsDrawnWithTheDataSetsNumbers() throws Exception {
        openDashboard("");

        assertThat(chartData("segments", 0)).isEqualTo(List.of(1L, 1L, 1L, 1L, 1L, 1L, 2L));
        assertThat(chartLabels("segments")).containsExactly("Champions", "Loyal", "Potential", "New", "At risk",
                "Hibernating", "Lost");
        assertThat(browser.executeScript("return Chart.getChart('chart-top20').data.datasets[0].data[0]"))
                .hasToString("63.38");
        assertThat(browser.findElement(By.id("top20-text")).getText())
                .isEqualTo("63.38 % of sales came from the best 2 customers (25.00 % of all).");
        List<Long> lapsed = chartData("lapsed", 0);
        assertThat(lapsed.get(lapsed.size() - 1)).isEqualTo(2L);
        assertThat(chartLabels("lapsed").get(lapsed.size() - 1)).isEqualTo("2026-06-30");
        assertThat(chartData("sales", 0).stream().mapToLong(Long::longValue).sum()).isEqualTo(142000);

        JsonNode daily = JSON.readTree(api("/merchant/v1/reports/daily?format=json&" + PERIOD));
        long points = 0;
        for (JsonNode row : daily) {
            points += row.get("points").asLong();
        }
        assertThat(chartData("sales", 1).stream().mapToLong(Long::longValue).sum()).isEqualTo(points);
        JsonNode pointsReport = JSON.readTree(api("/merchant/v1/reports/points?format=json&" + PERIOD));
        long issued = 0;
        long redeemed = 0;
        for (JsonNode row : pointsReport) {
            issued += row.get("issued").asLong();
            redeemed += row.get("redeemed").asLong();
        }
        assertThat(chartData("points", 0).stream().mapToLong(Long::longValue).sum()).isEqualTo(issued).isPositive();
        assertThat(chartData("points", 1).stream().mapToLong(Long::longValue).sum()).isEqualTo(redeemed);
        screenshot("merchant-dashboard");
    }

    @Test
    @Order(3)
    void theListsAreBrowsableAndTheLapsedListDownloads() throws IOException {
        openDashboard("");
        assertThat(browser.findElements(By.cssSelector("#list-lapsed tbody tr"))).hasSize(2);
        new Select(browser.findElement(By.id("segment-choice"))).selectByValue("lost");
        assertThat(browser.findElements(By.cssSelector("#list-segment tbody tr"))).hasSize(2);
        new Select(browser.findElement(By.id("segment-choice"))).selectByValue("champions");
        assertThat(browser.findElements(By.cssSelector("#list-segment tbody tr"))).hasSize(1);

        browser.findElement(By.id("download-lapsed")).click();

        Path file = downloads.resolve("lapsed-2026-01-01-2026-07-01.csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(file) && Files.size(file) > 0);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("customer,first_purchase,last_purchase,days_since_last,visits");
    }

    @Test
    @Order(4)
    void merchantAsSessionAskingForBsStoreIsRefusedAsTheApiRefusesIt() throws Exception {
        openDashboard("");
        String query = "store=BONLY&" + PERIOD;
        Map<?, ?> answer = fetch("GET", "/portal/merchant/api/charts/sales?" + query, null);
        HttpResponse<String> viaApi = apiResponse("/merchant/v1/reports/daily?" + query);
        assertThat(viaApi.statusCode()).isEqualTo(404);
        assertThat(((Number) answer.get("status")).intValue()).isEqualTo(404);
        assertThat(answer.get("body")).isEqualTo(viaApi.body());
        assertThat((String) answer.get("body")).contains("\"code\":\"unknown-store\"");
    }

    @Test
    @Order(5)
    void aStateChangingRequestWithoutTheCsrfTokenIsRefused() {
        openDashboard("");
        Map<?, ?> answer = fetch("POST", "/portal/merchant/sign-out", "csrf=forged");
        assertThat(((Number) answer.get("status")).intValue()).isEqualTo(403);
        assertThat((String) answer.get("body")).contains("csrf-token-mismatch");

        openDashboard("");
        assertThat(browser.findElement(By.id("user")).getText()).as("still signed in").isEqualTo("Alice Tan");
    }

    @Test
    @Order(6)
    void theDashboardSpeaksSimplifiedChinese() {
        openDashboard("lang=zh-CN&");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.id("cap-segments")).getText()).isEqualTo("各细分群体的顾客数");
        assertThat(chartLabels("segments").get(0)).isEqualTo("冠军顾客");
        assertThat(chartData("segments", 0)).isEqualTo(List.of(1L, 1L, 1L, 1L, 1L, 1L, 2L));
        screenshot("merchant-dashboard-zh");
        openDashboard("lang=en&");
        assertThat(browser.findElement(By.id("cap-segments")).getText()).isEqualTo("Customers by segment");
    }

    @Test
    @Order(7)
    void signingOutEndsTheSession() {
        openDashboard("");
        browser.findElement(By.id("sign-out")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/portal/merchant/sign-in"));
        browser.get(fixture.baseUrl() + "/portal/merchant/");
        assertThat(browser.getCurrentUrl()).endsWith("/portal/merchant/sign-in");
    }

    private void openDashboard(String query) {
        browser.get(fixture.baseUrl() + "/portal/merchant/?" + query + PERIOD);
        waitFor(() -> browser.findElement(By.id("dashboard")).getAttribute("data-ready") != null);
        assertThat(browser.findElement(By.id("dashboard")).getAttribute("data-ready"))
                .as(browser.findElement(By.id("status")).getText()).isEqualTo("true");
    }

    @SuppressWarnings("unchecked")
    private List<Long> chartData(String chart, int dataset) {
        List<Object> values = (List<Object>) browser.executeScript(
                "return Chart.getChart('chart-" + chart + "').data.datasets[" + dataset + "].data");
        return values.stream().map(v -> ((Number) v).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> chartLabels(String chart) {
        return (List<String>) browser.executeScript("return Chart.getChart('chart-" + chart + "').data.labels");
    }

    /** A request made by the page itself (same origin, with the session cookie), as a script on it could. */
    private Map<?, ?> fetch(String method, String path, String formBody) {
        return (Map<?, ?>) browser.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var init = {method: arguments[0], credentials: 'same-origin'};"
                        + "if (arguments[2] !== null) { init.body = arguments[2];"
                        + " init.headers = {'Content-Type': 'application/x-www-form-urlencoded'}; }"
                        + "fetch(arguments[1], init).then(function (r) { return r.text().then(function (t) {"
                        + " done({status: r.status, body: t}); }); }).catch(function (e) { done({status: -1, body: String(e)}); });",
                method, path, formBody);
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

    private String api(String path) throws Exception {
        return apiResponse(path).body();
    }

    private HttpResponse<String> apiResponse(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path))
                .header("Authorization", apiA).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
