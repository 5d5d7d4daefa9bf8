package io.loyaltyhub.hub.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.merchant.MerchantCredential;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.settlement.PeriodClose;
import io.loyaltyhub.domain.settlement.PeriodKind;
import io.loyaltyhub.domain.settlement.ProgrammeTerms;
import io.loyaltyhub.domain.settlement.SettlementTerms;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The merchant's settlement statements in headless Chromium, from a fixed data set closed into one period: merchant A
 * issued 60 points, 10 of them voided, and took 5 back at its till (1 cent per point issued and redeemed); B issued
 * 25. A's page shows A's figures only, its downloads are the report API's own files, and A's session asking for B's
 * statement is answered exactly as the API answers A's credential.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Slow
class MerchantStatementsBrowserTest {
    private static final String PASSWORD = "statements password 1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HubFixture fixture;
    private ChromeDriver browser;
    private BrowserPage page;
    private Path downloads;
    private HubFixture.Merchant a;
    private HubFixture.Merchant b;
    private String apiA;

    @BeforeAll
    void start() throws IOException {
        downloads = Files.createTempDirectory("statement-downloads");
        browser = Browser.start(downloads);
        page = new BrowserPage(browser);
        MerchantReportsExtension reports = new MerchantReportsExtension();
        PortalExtension portal = new PortalExtension();
        fixture = HubFixture.start(Map.of(), List.of(reports, portal));
        new SettlementTerms(fixture.hub().database(), IdGenerator.forNode(906), Clock.systemUTC())
                .setProgramme(new ProgrammeTerms("EUR", 1, 1, PeriodKind.DAILY));
        a = fixture.merchant();
        b = fixture.merchant();
        String card = HubFixture.card(801);
        swipe(a, "{\"txnRef\":\"s-1\",\"type\":\"SALE\",\"cardNumber\":\"" + card + "\",\"amount\":1000,\"currency\":\"EUR\"}");
        swipe(a, "{\"txnRef\":\"s-2\",\"type\":\"SALE\",\"cardNumber\":\"" + card + "\",\"amount\":2000,\"currency\":\"EUR\"}");
        swipe(a, "{\"txnRef\":\"s-3\",\"type\":\"SALE\",\"cardNumber\":\"" + card + "\",\"amount\":3000,\"currency\":\"EUR\"}");
        swipe(a, "{\"txnRef\":\"v-1\",\"type\":\"VOID\",\"cardNumber\":\"" + card + "\",\"originalTxnRef\":\"s-1\"}");
        swipe(a, "{\"txnRef\":\"r-1\",\"type\":\"REDEEM\",\"cardNumber\":\"" + card + "\",\"redeemPoints\":5}");
        swipe(b, "{\"txnRef\":\"b-1\",\"type\":\"SALE\",\"cardNumber\":\"" + card + "\",\"amount\":2500,\"currency\":\"EUR\"}");
        PeriodClose.Closed closed = new PeriodClose(fixture.hub().database(), IdGenerator.forNode(907), Clock.systemUTC(),
                text -> new byte[64]).closeCurrent(true);
        assertThat(closed.statementsWritten()).isEqualTo(2);
        portal.users().add(a.id(), "alice", "Alice Tan", PASSWORD, false);
        MerchantCredential credential = reports.credentials().issue(a.id());
        apiA = "Basic " + Base64.getEncoder().encodeToString((credential.credentialId() + ":" + credential.secret())
                .getBytes(StandardCharsets.UTF_8));
    }

    private void swipe(HubFixture.Merchant m, String json) {
        HttpResponse<String> r = fixture.swipe(m, json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"approved\"");
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
    void withoutASessionTheStatementsPageGoesToSignIn() {
        assertThat(new PortalClient(fixture.baseUrl()).get("/portal/merchant/statements").statusCode()).isEqualTo(303);
    }

    @Test
    @Order(2)
    void theStatementsListShowsTheClosedPeriodsFiguresOfTheMerchantOnly() {
        browser.get(fixture.baseUrl() + "/portal/merchant/sign-in?lang=en");
        page.type("merchant", a.code());
        page.type("username", "alice");
        page.type("password", PASSWORD);
        page.click("sign-in");
        page.waitFor(() -> browser.getCurrentUrl().endsWith("/portal/merchant/"));
        page.click("nav-statements");
        page.waitFor(() -> browser.getCurrentUrl().endsWith("/portal/merchant/statements"));

        long period = fixture.queryLong("SELECT period_id FROM settlement_statement WHERE merchant_id = ?", a.id().value());
        List<String> row = page.row("statements", Long.toString(period));
        assertThat(row.subList(3, 10)).containsExactly("60", "10", "5", "0", "0.50 EUR", "0.05 EUR", "-0.45 EUR");
        assertThat(page.cells("statements", 0)).hasSize(1);
        assertThat(browser.getPageSource()).doesNotContain("0.25 EUR");
        page.screenshot("merchant-statements");
    }

    @Test
    @Order(3)
    void theStatementDownloadsAreTheReportApisOwnFiles() throws Exception {
        browser.get(fixture.baseUrl() + "/portal/merchant/statements");
        String csvLink = browser.findElement(By.cssSelector("#statements a.statement-csv")).getAttribute("href");
        String jsonLink = browser.findElement(By.cssSelector("#statements a.statement-json")).getAttribute("href");
        String query = csvLink.substring(csvLink.indexOf('?'));

        browser.findElement(By.cssSelector("#statements a.statement-csv")).click();

        await().atMost(Duration.ofSeconds(20)).until(() -> csvIn(downloads).isPresent());
        Path file = csvIn(downloads).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.size(file) > 0
                && Files.readString(file).equals(api("/merchant/v1/reports/statements" + query).body()));
        assertThat(Files.readString(file)).contains(",60,10,5,0,").contains("|issued=60|");
        Map<?, ?> json = page.fetch("GET", jsonLink.substring(jsonLink.indexOf("/portal/")), null);
        assertThat(BrowserPage.status(json)).isEqualTo(200);
        JsonNode statements = JSON.readTree((String) json.get("body"));
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).get("net_minor").asLong()).isEqualTo(-45);
    }

    @Test
    @Order(4)
    void merchantAsSessionAskingForBsStatementIsRefusedExactlyAsTheApiRefusesIt() throws Exception {
        browser.get(fixture.baseUrl() + "/portal/merchant/statements");
        String forB = "merchant=" + b.id().value();
        for (String[] paths : new String[][] {
                {"/portal/merchant/statements?" + forB, "/merchant/v1/reports/statements?format=json&" + forB},
                {"/portal/merchant/api/reports/statements?" + forB, "/merchant/v1/reports/statements?" + forB}}) {
            Map<?, ?> viaPortal = page.fetch("GET", paths[0], null);
            HttpResponse<String> viaApi = api(paths[1]);
            assertThat(viaApi.statusCode()).isEqualTo(400);
            assertThat(BrowserPage.status(viaPortal)).as(paths[0]).isEqualTo(400);
            assertThat(viaPortal.get("body")).isEqualTo(viaApi.body());
            assertThat((String) viaPortal.get("body")).contains("\"code\":\"unknown-parameter\"");
        }
        Map<?, ?> proof = page.fetch("GET", "/portal/merchant/api/reports/inclusion-proof?txn=b-1", null);
        HttpResponse<String> proofViaApi = api("/merchant/v1/reports/inclusion-proof?txn=b-1");
        assertThat(BrowserPage.status(proof)).isEqualTo(proofViaApi.statusCode());
        assertThat(proof.get("body")).isEqualTo(proofViaApi.body());
        assertThat(((String) proof.get("body")).trim().lines()).as("B's receipt: no row for A").hasSize(1);
    }

    @Test
    @Order(5)
    void theStatementsPageSpeaksSimplifiedChinese() {
        browser.get(fixture.baseUrl() + "/portal/merchant/statements?lang=zh-CN");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("结算单");
        assertThat(page.cells("statements", 9)).containsExactly("-0.45 EUR");
        browser.get(fixture.baseUrl() + "/portal/merchant/statements?lang=en");
    }

    private static Optional<Path> csvIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("statements-")
                    && p.getFileName().toString().endsWith(".csv")).findFirst();
        }
    }

    private HttpResponse<String> api(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path))
                .header("Authorization", apiA).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
