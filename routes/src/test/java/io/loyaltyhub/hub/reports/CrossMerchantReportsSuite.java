package io.loyaltyhub.hub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.merchant.MerchantCredential;
import io.loyaltyhub.domain.testing.ReportDataSet;
import io.loyaltyhub.domain.testing.ReportDataSet.Shop;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tenant B sees nothing of tenant A, over real HTTP against a real hub: two merchants with the same store and till
 * codes and shoppers who use the same card at both. As B, every merchant endpoint and report is called with A's
 * parameters, store codes and ids; nothing of A may appear, counts included. Runs on the embedded database and on
 * a MySQL-compatible server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
abstract class CrossMerchantReportsSuite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PSEUDONYM = Pattern.compile("c-[0-9a-f]{32}");
    private static final String PERIOD = "from=" + ReportDataSet.FROM + "&to=" + ReportDataSet.TO;

    private HubFixture fixture;
    private MerchantReportsExtension extension;
    private Shop a;
    private Shop b;
    private String authA;
    private String authB;
    private MerchantCredential credentialA;
    private final HttpClient http = HttpClient.newHttpClient();

    abstract Map<String, String> databaseSettings();

    abstract void dropDatabase();

    @BeforeAll
    void start() {
        extension = new MerchantReportsExtension();
        fixture = HubFixture.start(databaseSettings(), List.of(extension));
        ReportDataSet data = new ReportDataSet(fixture.hub().admin(), fixture.hub().cardReader(), fixture.hub().engine(),
                fixture.hub().database());
        a = data.shop("shopA");
        b = data.shop("shopB");
        data.seed(a, b);
        fixture.hub().admin().addStore(a.id(), "AONLY", "A's store that B does not have");
        credentialA = extension.credentials().issue(a.id());
        authA = basic(credentialA.credentialId(), credentialA.secret());
        MerchantCredential cb = extension.credentials().issue(b.id());
        authB = basic(cb.credentialId(), cb.secret());
    }

    @AfterAll
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        dropDatabase();
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> get(String auth, String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.baseUrl() + pathAndQuery)).GET();
        if (auth != null) {
            request.header("Authorization", auth);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String report(String auth, String name, String query) {
        HttpResponse<byte[]> r = get(auth, "/merchant/v1/reports/" + name + "?" + PERIOD + query);
        assertThat(r.statusCode()).as(name + query).isEqualTo(200);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static List<String> lines(String csv) {
        return List.of(csv.split("\r\n"));
    }

    private static Set<String> pseudonyms(String text) {
        Set<String> found = new HashSet<>();
        Matcher m = PSEUDONYM.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void everyReportAsBHoldsOnlyBsCustomersAndCounts() {
        Set<String> ofA = pseudonyms(report(authA, "customers", "") + report(authA, "purchases", ""));
        assertThat(ofA).hasSize(8);

        String customers = report(authB, "customers", "");
        String purchases = report(authB, "purchases", "");
        String lapsed = report(authB, "lapsed", "&days=1&min-visits=1");
        String segments = report(authB, "segments", "");
        String daily = report(authB, "daily", "");
        String points = report(authB, "points", "");
        String all = customers + purchases + lapsed + segments + daily + points;

        assertThat(pseudonyms(all)).hasSize(2).doesNotContainAnyElementsOf(ofA);
        assertThat(lines(customers)).hasSize(1 + 2);
        assertThat(lines(purchases)).hasSize(1 + 3);
        assertThat(lines(segments)).contains("top 20%,1,50.00,70000,92.59");
        assertThat(segments).doesNotContain("142000");
        assertThat(lines(daily)).containsExactly("day,store,sales,spend,points,customers", "2026-03-03,S1,1,1200,12,1",
                "2026-06-15,S1,1,70000,700,1", "2026-06-15,S2,1,4400,44,1");
        assertThat(lines(points)).containsExactly("day,issued,reversed,redeemed,restored,expired,net",
                "2026-03-03,12,0,0,0,0,12", "2026-06-15,744,0,0,0,0,744");
        assertThat(all).doesNotContain("60000").doesNotContain("628000");
    }

    @Test
    void theRewardsReportShowsOnlyThisMerchantsEarnRulesAndGiftsHandedOut() {
        assertThat(lines(report(authB, "rewards", ""))).containsExactly("kind,name,times,points", "earn-rule,rate:base,3,756");
        new io.loyaltyhub.domain.reward.RewardCatalogue(fixture.hub().database(), io.loyaltyhub.domain.persistence.IdGenerator.forNode(77),
                java.time.Clock.systemUTC()).add(new io.loyaltyhub.domain.reward.NewReward("REPORT-MUG", "Mug", null, 5, null,
                java.time.LocalDate.of(2020, 1, 1), java.time.LocalDate.of(2099, 12, 31), true, List.of()));
        String card = HubFixture.card(99_001);
        io.loyaltyhub.domain.txn.PresentedCard presented = fixture.hub().cardReader().read(card);
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        fixture.hub().engine().apply(new io.loyaltyhub.domain.txn.PosTransaction(a.id(), a.s1().store(), a.s1().terminal(),
                new io.loyaltyhub.domain.model.TxnRef("rw-1"), io.loyaltyhub.domain.txn.TransactionType.SALE, presented,
                io.loyaltyhub.domain.model.Money.of(1_000, "EUR"), now, List.of(), null, 0,
                io.loyaltyhub.domain.txn.Channel.HTTP_JSON));
        assertThat(fixture.hub().engine().apply(new io.loyaltyhub.domain.txn.PosTransaction(a.id(), a.s1().store(),
                a.s1().terminal(), new io.loyaltyhub.domain.model.TxnRef("rw-2"), io.loyaltyhub.domain.txn.TransactionType.REDEEM,
                presented, io.loyaltyhub.domain.model.Money.of(0, "XXX"), now, List.of(), null, 0,
                io.loyaltyhub.domain.txn.Channel.HTTP_JSON, "REPORT-MUG")).approved()).isTrue();
        String today = "from=" + now.toLocalDate() + "&to=" + now.toLocalDate().plusDays(1);

        HttpResponse<byte[]> ofA = get(authA, "/merchant/v1/reports/rewards?" + today);
        HttpResponse<byte[]> ofB = get(authB, "/merchant/v1/reports/rewards?" + today);

        assertThat(lines(new String(ofA.body(), StandardCharsets.UTF_8))).containsExactly("kind,name,times,points",
                "earn-rule,rate:base,1,10", "reward,REPORT-MUG,1,5");
        assertThat(lines(new String(ofB.body(), StandardCharsets.UTF_8))).containsExactly("kind,name,times,points");
    }

    @Test
    void aStoreCodeBothMerchantsUseMeansBsOwnStore() {
        assertThat(lines(report(authB, "purchases", "&store=S2"))).hasSize(2).last().asString()
                .startsWith("2026-06-15T13:00:00Z,S2,T2,SALE,approved,4400,EUR,44,");
        assertThat(lines(report(authB, "daily", "&store=S2"))).containsExactly("day,store,sales,spend,points,customers",
                "2026-06-15,S2,1,4400,44,1");
    }

    @Test
    void anotherMerchantsStoreIsNotFoundExactlyLikeAMissingOne() {
        HttpResponse<byte[]> foreign = get(authB, "/merchant/v1/reports/purchases?store=AONLY");
        HttpResponse<byte[]> missing = get(authB, "/merchant/v1/reports/purchases?store=NOPE");
        HttpResponse<byte[]> byId = get(authB, "/merchant/v1/reports/daily?store=" + a.s1().store().value());
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(byId.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new String(foreign.body(), StandardCharsets.UTF_8)).isEqualTo(new String(missing.body(), StandardCharsets.UTF_8))
                .contains("\"code\":\"unknown-store\"");
        assertThat(get(authA, "/merchant/v1/reports/purchases?store=AONLY").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherMerchantsDownloadIsNotFoundAndNeverListed() throws IOException {
        report(authA, "points", "");
        JsonNode ofA = JSON.readTree(get(authA, "/merchant/v1/report-downloads").body());
        String idOfA = ofA.get(0).get("id").asText();
        assertThat(get(authA, "/merchant/v1/report-downloads/" + idOfA).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> foreign = get(authB, "/merchant/v1/report-downloads/" + idOfA);
        HttpResponse<byte[]> missing = get(authB, "/merchant/v1/report-downloads/" + (Long.parseLong(idOfA) + 1_000_000));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(missing.body());

        report(authB, "segments", "");
        JsonNode ofB = JSON.readTree(get(authB, "/merchant/v1/report-downloads").body());
        assertThat(ofB).isNotEmpty();
        for (JsonNode d : ofB) {
            assertThat(d.get("credential").asText()).isNotEqualTo(credentialA.credentialId());
            assertThat(d.get("id").asText()).isNotEqualTo(idOfA);
        }
        assertThat(ofB.get(0).get("report").asText()).isEqualTo("segments");
        assertThat(ofB.get(0).get("rows").asLong()).isEqualTo(8);
        assertThat(ofB.get(0).get("outcome").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void aCachedCredentialNeverYieldsAnotherMerchantsData() {
        String asA = report(authA, "customers", "");
        String asB = report(authB, "customers", "");
        String asAAgain = report(authA, "customers", ""); // from the verified-secret cache
        String asBAgain = report(authB, "customers", "");
        assertThat(asAAgain).isEqualTo(asA);
        assertThat(asBAgain).isEqualTo(asB);
        assertThat(pseudonyms(asB)).doesNotContainAnyElementsOf(pseudonyms(asA));
        String wrongSecret = basic(credentialA.credentialId(), credentialA.secret() + "x");
        assertThat(get(wrongSecret, "/merchant/v1/reports/customers").statusCode()).isEqualTo(401);
    }

    @Test
    void missingWrongOrTerminalCredentialsAre401() {
        for (String auth : new String[] {null, "Basic !!!", basic("mrc-nope", "x"),
                basic(a.t1().credentialId(), a.t1().secret()), "Bearer abc"}) {
            for (String path : List.of("/merchant/v1/reports/customers", "/merchant/v1/reports",
                    "/merchant/v1/report-downloads", "/merchant/v1/report-downloads/1")) {
                HttpResponse<byte[]> r = get(auth, path);
                assertThat(r.statusCode()).as(auth + " " + path).isEqualTo(401);
                assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
        }
    }

    @Test
    void badParametersAre400AndUnknownReports404() {
        HttpResponse<byte[]> bad = get(authB, "/merchant/v1/reports/daily?from=yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("\"code\":\"bad-date\"");
        assertThat(get(authB, "/merchant/v1/reports/customers?store=S1").statusCode()).isEqualTo(400);
        assertThat(get(authB, "/merchant/v1/reports/daily?to=2026-01-01&to=2026-02-01").statusCode()).isEqualTo(400);
        HttpResponse<byte[]> unknown = get(authB, "/merchant/v1/reports/balances");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("\"code\":\"unknown-report\"");
    }

    @Test
    void gzipAndJsonDownloadsCarryTheSameRows() throws IOException {
        String plain = report(authB, "customers", "");
        HttpResponse<byte[]> gz = get(authB, "/merchant/v1/reports/customers?" + PERIOD, "Accept-Encoding", "gzip");
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(),
                StandardCharsets.UTF_8)).isEqualTo(plain);
        HttpResponse<byte[]> gzParam = get(authB, "/merchant/v1/reports/customers?" + PERIOD + "&gzip=true");
        assertThat(gzParam.headers().firstValue("Content-Encoding")).hasValue("gzip");

        HttpResponse<byte[]> json = get(authB, "/merchant/v1/reports/customers?" + PERIOD + "&format=json");
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode rows = JSON.readTree(json.body());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("spend").asLong()).isEqualTo(70000);
        assertThat(json.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"customers-2026-01-01-2026-07-01.json\"");
    }
}
