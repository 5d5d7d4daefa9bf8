package io.loyaltyhub.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.member.MemberContacts.Contact;
import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.entity.ReportDownloadEntity;
import io.loyaltyhub.domain.engine.PointsEngine;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.ReportDataSet;
import io.loyaltyhub.domain.testing.ReportDataSet.Shop;
import io.loyaltyhub.domain.testing.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every report against hand-computed figures of {@link ReportDataSet}, on the embedded database and on MySQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportsSuite {
    private static final byte[] KEY = new byte[32];

    private DatabaseConfig config;
    private Database database;
    private ReportDataSet data;
    private Shop a;
    private Shop b;
    private ConsentedContacts contacts;
    private MerchantReports reports;
    private ReportDownloads downloads;
    private CustomerPseudonyms.Pseudonymizer pseudonymsOfA;

    abstract DatabaseConfig newDatabase();

    @BeforeAll
    void seed() {
        Arrays.fill(KEY, (byte) 3);
        config = newDatabase();
        database = Database.open(config);
        CoalitionFixture coalition = new CoalitionFixture(database);
        data = new ReportDataSet(coalition.admin(), coalition.cards(),
                // The data set replays a year of history: the engine accepts its old times (the window is not under test here).
                new PointsEngine(database, IdGenerator.forNode(2), Clock.systemUTC(), 8,
                        io.loyaltyhub.domain.txn.OccurredAtWindow.of(60, 36_500)), database);
        a = data.shop("repA");
        b = data.shop("repB");
        data.seed(a, b);
        contacts = new ConsentedContacts()
                .consent(a.id(), data.accountOf(1), new Contact("Ada, \"the\" reader", "ada@example.org", "+44 1"))
                .consent(b.id(), data.accountOf(3), new Contact("=Cy", "cy@example.org", "+44 3"));
        downloads = new ReportDownloads(database, IdGenerator.forNode(3), Clock.systemUTC());
        reports = new MerchantReports(database, new CustomerPseudonyms(KEY), contacts, ReportSink.passThrough(),
                downloads, Clock.systemUTC());
        pseudonymsOfA = new CustomerPseudonyms(KEY).forMerchant(a.id());
    }

    @AfterAll
    void close() {
        if (database != null) {
            database.close();
        }
        TestDatabases.dropMySql(config);
    }

    private String c(int customer) {
        return pseudonymsOfA.of(data.accountOf(customer));
    }

    private List<String> csv(Shop shop, String report, String... params) {
        Map<String, String> p = new HashMap<>(Map.of("from", ReportDataSet.FROM, "to", ReportDataSet.TO));
        for (int i = 0; i < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            reports.prepare(new MerchantPrincipal(shop.id(), "mrc-test"), report, p).writeTo(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return List.of(out.toString(StandardCharsets.UTF_8).split("\r\n"));
    }

    @Test
    void customersHaveHandComputedFiguresScoresAndSegments() {
        assertThat(csv(a, "customers")).containsExactly(
                "customer,first_purchase,last_purchase,visits,spend,average_basket,points,days_since_last,r,f,m,segment,name,email,phone",
                c(1) + ",2026-06-01T12:00:00Z,2026-06-30T12:00:00Z,6,60000,10000,600,0,4,5,5,champions,\"Ada, \"\"the\"\" reader\",ada@example.org,'+44 1",
                c(3) + ",2026-06-30T07:30:00Z,2026-06-30T07:30:00Z,1,30000,30000,300,0,4,1,4,new,,,",
                c(4) + ",2026-01-10T12:00:00Z,2026-03-01T12:00:00Z,3,24000,8000,240,121,2,4,4,at risk,,,",
                c(2) + ",2026-05-01T12:00:00Z,2026-06-29T12:00:00Z,4,20000,5000,200,1,4,4,3,loyal,,,",
                c(7) + ",2026-04-01T12:00:00Z,2026-04-20T12:00:00Z,2,4000,2000,40,71,3,2,2,potential,,,",
                c(5) + ",2026-02-01T12:00:00Z,2026-02-15T12:00:00Z,2,2000,1000,20,135,1,2,2,lost,,,",
                c(8) + ",2026-03-01T15:00:00Z,2026-03-01T15:00:00Z,1,1500,1500,15,121,2,1,1,hibernating,,,",
                c(6) + ",2026-01-05T12:00:00Z,2026-01-05T12:00:00Z,1,500,500,5,176,1,1,1,lost,,,");
    }

    @Test
    void segmentsShowCountsSpendSharesAndTheTopFifth() {
        assertThat(csv(a, "segments")).containsExactly(
                "segment,customers,customers_share,spend,spend_share",
                "champions,1,12.50,60000,42.25",
                "loyal,1,12.50,20000,14.08",
                "potential,1,12.50,4000,2.81",
                "new,1,12.50,30000,21.12",
                "at risk,1,12.50,24000,16.90",
                "hibernating,1,12.50,1500,1.05",
                "lost,2,25.00,2500,1.76",
                "top 20%,2,25.00,90000,63.38");
    }

    @Test
    void lapsedListsFrequentCustomersWhoStoppedComing() {
        assertThat(csv(a, "lapsed")).containsExactly(
                "customer,first_purchase,last_purchase,days_since_last,visits,spend,points,name,email,phone",
                c(4) + ",2026-01-10T12:00:00Z,2026-03-01T12:00:00Z,121,3,24000,240,,,",
                c(5) + ",2026-02-01T12:00:00Z,2026-02-15T12:00:00Z,135,2,2000,20,,,");
        assertThat(csv(a, "lapsed", "days", "60", "min-visits", "2")).hasSize(4).element(2).asString().startsWith(c(7) + ",");
        assertThat(csv(a, "lapsed", "days", "100", "min-visits", "1")).containsExactly(
                "customer,first_purchase,last_purchase,days_since_last,visits,spend,points,name,email,phone",
                c(4) + ",2026-01-10T12:00:00Z,2026-03-01T12:00:00Z,121,3,24000,240,,,",
                c(5) + ",2026-02-01T12:00:00Z,2026-02-15T12:00:00Z,135,2,2000,20,,,",
                c(8) + ",2026-03-01T15:00:00Z,2026-03-01T15:00:00Z,121,1,1500,15,,,",
                c(6) + ",2026-01-05T12:00:00Z,2026-01-05T12:00:00Z,176,1,500,5,,,");
    }

    @Test
    void purchasesListEveryTransactionOfThePeriodInTimeOrder() {
        List<String> lines = csv(a, "purchases");
        assertThat(lines).hasSize(1 + 25);
        assertThat(lines.get(0)).isEqualTo("occurred_at,store,terminal,type,result,amount,currency,points,customer");
        assertThat(lines.get(1)).isEqualTo("2026-01-05T12:00:00Z,S1,T1,SALE,approved,500,EUR,5," + c(6));
        assertThat(lines.get(2)).isEqualTo("2026-01-06T12:00:00Z,S1,T1,REDEEM,insufficient-points,0,EUR,0," + c(6));
        assertThat(lines).contains("2026-04-21T12:00:00Z,S1,T1,REFUND,approved,1000,EUR,-10," + c(7),
                "2026-04-26T12:00:00Z,S1,T1,VOID,approved,0,EUR,-99," + c(7));
        assertThat(lines.get(25)).isEqualTo("2026-06-30T18:00:00+02:00,S1,T1,REDEEM,approved,0,EUR,-100," + c(1));
        assertThat(csv(a, "purchases", "store", "S2")).containsExactly(
                "occurred_at,store,terminal,type,result,amount,currency,points,customer",
                "2026-06-30T09:30:00+02:00,S2,T2,SALE,approved,30000,EUR,300," + c(3));
    }

    @Test
    void dailyGroupsSalesPerStoreAndDay() {
        List<String> lines = csv(a, "daily");
        assertThat(lines.get(0)).isEqualTo("day,store,sales,spend,points,customers");
        assertThat(lines).contains("2026-06-01,S1,2,15000,150,2", "2026-06-30,S1,1,10000,100,1",
                "2026-06-30,S2,1,30000,300,1", "2026-04-20,S1,1,2000,20,1");
        assertThat(lines).noneMatch(l -> l.startsWith("2026-04-25")).hasSize(1 + 18);
        assertThat(csv(a, "daily", "store", "S2")).containsExactly("day,store,sales,spend,points,customers",
                "2026-06-30,S2,1,30000,300,1");
    }

    @Test
    void pointsShowIssuedReversedRedeemedPerDay() {
        List<String> lines = csv(a, "points");
        assertThat(lines.get(0)).isEqualTo("day,issued,reversed,redeemed,restored,expired,net");
        assertThat(lines).contains("2026-04-21,0,10,0,0,0,-10", "2026-04-25,99,0,0,0,0,99", "2026-04-26,0,99,0,0,0,-99",
                "2026-06-30,400,0,100,0,0,300").hasSize(1 + 20);
        assertThat(lines).noneMatch(l -> l.startsWith("2026-01-06")); // the declined redemption moved nothing
    }

    @Test
    void merchantBSeesOnlyItsOwnCustomersUnderOtherPseudonyms() {
        List<String> lines = csv(b, "customers");
        assertThat(lines).hasSize(3);
        String pseudonymAtB = lines.get(1).substring(0, lines.get(1).indexOf(','));
        assertThat(pseudonymAtB).isNotEqualTo(c(1)).isNotEqualTo(c(3)).matches("c-[0-9a-f]{32}");
        assertThat(lines.get(1)).endsWith(",,,");
        assertThat(lines.get(2)).contains(",'=Cy,cy@example.org,'+44 3");
        assertThat(String.join("\n", csv(b, "purchases"))).doesNotContain(c(1)).doesNotContain("60000");
    }

    @Test
    void jsonIsAStreamedArrayOfObjects() {
        List<String> lines = csv(a, "segments", "format", "json");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("[\n{\"segment\":\"champions\",\"customers\":1,\"customers_share\":\"12.50\"")
                .contains("{\"segment\":\"top 20%\",\"customers\":2,\"customers_share\":\"25.00\",\"spend\":90000,\"spend_share\":\"63.38\"}\n]");
    }

    @Test
    void badParametersAreRejectedWithStableCodesAndAnotherMerchantsStoreIsUnknown() {
        MerchantPrincipal asB = new MerchantPrincipal(b.id(), "mrc-test");
        assertThatThrownBy(() -> reports.prepare(asB, "nope", Map.of())).hasFieldOrPropertyWithValue("code", "unknown-report");
        assertThatThrownBy(() -> reports.prepare(asB, "daily", Map.of("from", "2026-13-01")))
                .hasFieldOrPropertyWithValue("code", "bad-date");
        assertThatThrownBy(() -> reports.prepare(asB, "daily", Map.of("from", "2026-02-01", "to", "2026-01-01")))
                .hasFieldOrPropertyWithValue("code", "bad-period");
        assertThatThrownBy(() -> reports.prepare(asB, "customers", Map.of("store", "S1")))
                .hasFieldOrPropertyWithValue("code", "unknown-parameter");
        assertThatThrownBy(() -> reports.prepare(asB, "lapsed", Map.of("days", "-1")))
                .hasFieldOrPropertyWithValue("code", "bad-days");
        assertThatThrownBy(() -> reports.prepare(asB, "daily", Map.of("format", "xml")))
                .hasFieldOrPropertyWithValue("code", "unknown-format");
        assertThatThrownBy(() -> reports.prepare(asB, "daily", Map.of("store", "S9")))
                .hasFieldOrPropertyWithValue("code", "unknown-store")
                .hasFieldOrPropertyWithValue("kind", ReportRejected.Kind.NOT_FOUND);
    }

    @Test
    void everyDownloadIsAuditedForItsOwnMerchant() {
        csv(b, "daily", "store", "S2");
        List<ReportDownloadEntity> ofB = downloads.list(b.id());
        assertThat(ofB).isNotEmpty().allMatch(d -> d.getMerchantId().equals(b.id().value()));
        ReportDownloadEntity latest = ofB.get(0);
        assertThat(latest.getReport()).isEqualTo("daily");
        assertThat(latest.getParameters()).isEqualTo("from=2026-01-01&store=S2&to=2026-07-01");
        assertThat(latest.getOutcome()).isEqualTo("COMPLETED");
        assertThat(latest.getRowCount()).isEqualTo(1);
        assertThat(latest.getFinishedAt()).isNotNull();
        assertThat(downloads.list(a.id())).noneMatch(d -> d.getMerchantId().equals(b.id().value()));
    }

    @Test
    void contactsAreAskedForInChunks() {
        csv(a, "customers");
        assertThat(contacts.chunkSizes()).allMatch(n -> n <= ContactBatch.CHUNK);
    }
}
