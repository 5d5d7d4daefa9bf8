package io.loyaltyhub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.adapters.iso8583.Iso8583Client;
import io.loyaltyhub.adapters.iso8583.Iso8583Dialect;
import io.loyaltyhub.adapters.iso8583.Iso8583Message;
import io.loyaltyhub.adapters.iso8583.LoyaltyData;
import io.loyaltyhub.adapters.iso8583.TerminalRequests;
import io.loyaltyhub.adapters.poslog.PosLogClient;
import io.loyaltyhub.adapters.simulator.BrokerTill;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.hub.broker.terminals.BrokerTerminalsExtension;
import io.loyaltyhub.hub.cli.HubCommandRun;
import io.loyaltyhub.hub.csv.CsvBatchChannel;
import io.loyaltyhub.hub.intake.IntakeRoutes;
import io.loyaltyhub.hub.iso8583.Iso8583Extension;
import io.loyaltyhub.hub.poslog.PosLogChannel;
import io.loyaltyhub.hub.webhook.WebhookChannel;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The money rules of issue 12 (items 1-7) as a terminal meets them, on every channel of one real hub: HTTP JSON,
 * ISO 8583 over TCP, STOMP on the broker, CSV files in the inbox, POSLog over HTTP (and, for the one pipeline, a
 * Square webhook). The engine decides once;
 * each channel must answer its decision in its own protocol, the same way.
 */
@Slow
@ResourceLock(Resources.SYSTEM_OUT)
class MoneyRulesOnEveryChannelTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SERIALS = new AtomicInteger(30_000);
    private static final AtomicInteger STANS = new AtomicInteger(1);
    private static final DateTimeFormatter FIELD_7 = DateTimeFormatter.ofPattern("MMddHHmmss");

    private static HubFixture fixture;
    private static EveryChannelClients clients;
    /** The channels whose transactions passed the intake route. */
    private static final Set<Channel> CHANNELS_THROUGH_INTAKE = ConcurrentHashMap.newKeySet();
    private static final Iso8583Extension ISO_8583 = new Iso8583Extension();

    @BeforeAll
    static void startHub() throws Exception {
        fixture = HubFixture.start(Map.of(
                "hub.engine.max-age-days", "90",
                "hub.engine.future-tolerance-minutes", "60",
                "hub.swipe.reply-timeout-ms", "20000",
                "hub.iso8583.host", "127.0.0.1",
                "hub.iso8583.listeners", "binary-2:0"),
                List.of(ISO_8583, new CsvBatchChannel(), new PosLogChannel(), new BrokerTerminalsExtension(),
                        new WebhookChannel()));
        clients = new EveryChannelClients(fixture, ISO_8583, WAIT);
        AdviceWith.adviceWith(fixture.hub().camel(), IntakeRoutes.ROUTE_ID, intake -> intake.weaveAddFirst()
                .process(e -> CHANNELS_THROUGH_INTAKE.addAll(channels(e.getMessage().getBody()))));
    }

    /** The intake takes one transaction, or a group of them (a file's lines). */
    private static List<Channel> channels(Object body) {
        return body instanceof List<?> group
                ? group.stream().map(t -> ((PosTransaction) t).channel()).toList()
                : List.of(((PosTransaction) body).channel());
    }

    @AfterAll
    static void stopHub() {
        if (fixture != null) {
            fixture.close();
        }
    }

    // 0. One pipeline: every channel hands its transactions to the intake route, nothing reaches the queue around it

    @Test
    void everyChannelSendsItsTransactionsThroughTheOneIntakeRoute() throws Exception {
        HubFixture.Merchant shop = fixture.merchant();
        String card = card();
        CHANNELS_THROUGH_INTAKE.clear();

        assertThat(fixture.swipe(shop, sale("i-h", card, 1_000)).statusCode()).isEqualTo(200);
        try (Iso8583Client iso = clients.connect()) {
            assertThat(iso.exchange(iso(shop).sale(card, 1_000)).responseCode()).isEqualTo("00");
        }
        try (BrokerTill stomp = clients.stomp(shop)) {
            stomp.send(sale("i-b", card, 1_000));
            assertThat(JSON.readTree(stomp.nextReply(WAIT)).get("status").asText()).isEqualTo("approved");
        }
        String now = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString();
        assertThat(clients.dropCsv(shop, "intake.csv", "S1,T1,i-c,SALE," + now + "," + card + ",1000,EUR,\n").get(1))
                .startsWith("2,i-c,approved");
        assertThat(clients.postPosLog(shop, EveryChannelClients.posLogSale("i-p", card, "10.00", OffsetDateTime.now().minusMinutes(5))).body())
                .contains("status=\"approved\"");

        byte[] squareKey = "money-rules-square-key".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        new io.loyaltyhub.domain.webhook.WebhookConnections(fixture.hub().database(), fixture.hub().keys().masterKey(),
                java.time.Clock.systemUTC()).connect(new io.loyaltyhub.domain.webhook.WebhookConnection(shop.id(), "square",
                new io.loyaltyhub.domain.model.StoreId(fixture.queryLong("SELECT id FROM store WHERE merchant_id = ?",
                        shop.id().value())), new io.loyaltyhub.domain.model.TerminalId(shop.till().terminalId()), null,
                "https://hub.example.com/square", squareKey));
        String event = "i-w-" + SERIALS.incrementAndGet();
        assertThat(new io.loyaltyhub.adapters.simulator.WebhookTill(java.net.URI.create(fixture.baseUrl()), "square",
                shop.code(), squareKey, "https://hub.example.com/square", null).squareSale(event, "IW" + event.substring(4),
                1_000, "EUR", card, null, OffsetDateTime.now(ZoneOffset.UTC)).status()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> CHANNELS_THROUGH_INTAKE.contains(Channel.WEBHOOK)
                && fixture.balanceOf(card) == 60);

        assertThat(CHANNELS_THROUGH_INTAKE).containsExactlyInAnyOrder(Channel.values());
        assertThat(fixture.balanceOf(card)).isEqualTo(60);
    }

    // 1. Same reference, other content: a coded refusal on every channel, nothing applied, listed for the operator

    @Test
    void aReusedReferenceIsRefusedOnEveryChannelAndTheOperatorCanListEachConflict() throws Exception {
        HubFixture.Merchant shop = fixture.merchant();
        String first = card();
        String second = card();

        fixture.swipe(shop, sale("h-1", first, 1_000));
        HttpResponse<String> http = fixture.swipe(shop, sale("h-1", second, 2_000));
        assertThat(http.statusCode()).isEqualTo(409);
        assertThat(http.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(http.body());
        assertThat(problem.get("code").asText()).isEqualTo("reference-reused");
        assertThat(http.body()).doesNotContain("balance").doesNotContain(first.substring(12));

        TerminalRequests till = iso(shop);
        try (Iso8583Client iso = clients.connect()) {
            Iso8583Message sale = till.sale(first, 1_000);
            assertThat(iso.exchange(sale).responseCode()).isEqualTo("00");
            Iso8583Client.Exchange reused = iso.exchange(sale.with(Iso8583Dialect.AMOUNT, "3000"));
            assertThat(reused.responseCode()).isEqualTo("94");
            assertThat(reused.loyaltyData().element(LoyaltyData.POINTS_BALANCE)).isEmpty();
        }

        try (BrokerTill stomp = clients.stomp(shop)) {
            stomp.send(sale("b-1", first, 1_000));
            assertThat(JSON.readTree(stomp.nextReply(WAIT)).get("status").asText()).isEqualTo("approved");
            stomp.send(sale("b-1", first, 4_000));
            JsonNode reply = JSON.readTree(stomp.nextReply(WAIT));
            assertThat(reply.get("status").asText()).isEqualTo("rejected");
            assertThat(reply.get("code").asText()).isEqualTo("reference-reused");
        }

        String now = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString();
        List<String> csv = clients.dropCsv(shop, "reused.csv", "S1,T1,c-1,SALE," + now + "," + first + ",1000,EUR,\n"
                + "S1,T1,c-1,SALE," + now + "," + first + ",5000,EUR,\n");
        assertThat(csv.get(1)).startsWith("2,c-1,approved,approved,10,");
        assertThat(csv.get(2)).startsWith("3,c-1,rejected,reference-reused,,,,,");

        PosLogClient.Response posLog = clients.postPosLog(shop, EveryChannelClients.posLogSale("p-1", first, "10.00", OffsetDateTime.now().minusMinutes(5))
                + EveryChannelClients.posLogSale("p-1", first, "60.00", OffsetDateTime.now().minusMinutes(5)));
        assertThat(posLog.body()).contains("status=\"approved\"").containsPattern("code=\"reference-reused\"");

        assertThat(fixture.balanceOf(first)).as("10 by each channel, nothing by the refused messages").isEqualTo(50);
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM card WHERE token = ?",
                fixture.hub().cardReader().read(second).token().hash())).isZero();
        String listed = referenceConflicts(shop.code());
        assertThat(listed).contains("ref h-1 SALE via HTTP_JSON: refused ****" + second.substring(12) + " 20.00 EUR")
                .contains("ISO8583").contains("ref b-1").contains("ref c-1").contains("ref p-1").contains("5 conflict(s)")
                .doesNotContain(first).doesNotContain(second);
    }

    // 2. A linked refund or void must present its original's card

    @Test
    void aRefundWithAnotherCardThanItsSaleIsDeclinedOnEveryChannel() throws Exception {
        HubFixture.Merchant shop = fixture.merchant();
        String owner = card();
        String other = card();
        fixture.swipe(shop, sale("s-1", owner, 10_000));

        JsonNode http = JSON.readTree(fixture.swipe(shop, refund("r-1", other, 10_000, "s-1")).body());
        assertThat(http.get("status").asText()).isEqualTo("declined");
        assertThat(http.get("code").asText()).isEqualTo("card-mismatch");
        assertThat(http.get("card").asText()).isEqualTo("****" + other.substring(12));

        TerminalRequests till = iso(shop);
        try (Iso8583Client iso = clients.connect()) {
            Iso8583Message sale = till.sale(owner, 10_000);
            iso.exchange(sale);
            assertThat(iso.exchange(till.refundOf(sale, other, 10_000)).responseCode()).isEqualTo("57");
        }

        try (BrokerTill stomp = clients.stomp(shop)) {
            stomp.send(refund("r-2", other, 10_000, "s-1"));
            assertThat(JSON.readTree(stomp.nextReply(WAIT)).get("code").asText()).isEqualTo("card-mismatch");
        }

        String now = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString();
        List<String> csv = clients.dropCsv(shop, "mismatch.csv", "S1,T1,r-3,REFUND," + now + "," + other + ",10000,EUR,s-1\n"
                + "S1,T1,r-4,VOID," + now + "," + other + ",0,EUR,s-1\n");
        assertThat(csv.get(1)).startsWith("2,r-3,declined,card-mismatch,0,");
        assertThat(csv.get(2)).startsWith("3,r-4,declined,card-mismatch,0,");

        assertThat(fixture.balanceOf(owner)).isEqualTo(200);
    }

    // 3. One rule for unlinked refunds; ISO 8583 links a refund with field 90

    @Test
    void anUnlinkedRefundMovesNoPointsOnEveryChannelAndAnIso8583RefundNamingItsSaleInField90TakesThemBack() throws Exception {
        HubFixture.Merchant shop = fixture.merchant();
        String card = card();
        fixture.swipe(shop, sale("s-1", card, 10_000)); // 100

        JsonNode http = JSON.readTree(fixture.swipe(shop, refund("u-1", card, 100_000, null)).body());
        assertThat(http.get("points").asLong()).isZero();
        assertThat(http.get("balance").asLong()).isEqualTo(100);

        TerminalRequests till = iso(shop);
        try (Iso8583Client iso = clients.connect()) {
            Iso8583Client.Exchange unlinked = iso.exchange(till.refund(card, 100_000));
            assertThat(unlinked.responseCode()).isEqualTo("00");
            assertThat(unlinked.loyaltyData().number(LoyaltyData.POINTS_CHANGE)).hasValue(0);

            Iso8583Message sale = till.sale(card, 10_000); // 200
            iso.exchange(sale);
            Iso8583Client.Exchange linked = iso.exchange(till.refundOf(sale, card, 2_500));
            assertThat(linked.loyaltyData().number(LoyaltyData.POINTS_CHANGE)).hasValue(-25);
            assertThat(linked.loyaltyData().number(LoyaltyData.POINTS_BALANCE)).hasValue(175);
            assertThat(iso.exchange(till.refundOf(sale, card, 7_501)).responseCode())
                    .as("the refunds of a linked sale cannot exceed it").isEqualTo("13");
        }

        String now = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString();
        assertThat(clients.dropCsv(shop, "unlinked.csv", "S1,T1,u-2,REFUND," + now + "," + card + ",50000,EUR,\n").get(1))
                .startsWith("2,u-2,approved,approved,0,175,");
    }

    // 4 and 5. Negative balances; a repeated reversal; no stale balance shown as current

    @Test
    void overIso8583AReversalMayLeaveADebtAndEveryLaterReversalOfTheSameSaleIsACopyShowingTheBalanceNow() throws Exception {
        HubFixture.Merchant shop = fixture.merchant();
        String card = card();
        TerminalRequests till = iso(shop);
        try (Iso8583Client iso = clients.connect()) {
            Iso8583Message sale = till.sale(card, 8_300); // 83
            iso.exchange(sale);
            iso.exchange(till.redemption(card, 83)); // 0
            Iso8583Message reversal = till.reversal(sale, false);
            Iso8583Client.Exchange first = iso.exchange(reversal); // -83
            iso.exchange(till.sale(card, 4_300)); // -40

            Iso8583Client.Exchange withNewStan = iso.exchange(till.reversal(sale, false));
            Iso8583Client.Exchange repeat = iso.exchange(TerminalRequests.asRepeat(reversal));
            Iso8583Client.Exchange redeem = iso.exchange(till.redemption(card, 1));

            assertThat(first.responseCode()).isEqualTo("00");
            assertThat(first.loyaltyData().number(LoyaltyData.POINTS_BALANCE)).hasValue(-83);
            assertThat(withNewStan.responseCode()).as("a reversal's reference is its original's: a copy").isEqualTo("00");
            assertThat(withNewStan.loyaltyData().number(LoyaltyData.POINTS_CHANGE)).hasValue(-83);
            assertThat(withNewStan.loyaltyData().number(LoyaltyData.POINTS_BALANCE)).as("now, not -83").hasValue(-40);
            assertThat(repeat.responseCode()).isEqualTo("00");
            assertThat(repeat.loyaltyData().number(LoyaltyData.POINTS_CHANGE)).hasValue(-83);
            assertThat(repeat.loyaltyData().number(LoyaltyData.POINTS_BALANCE)).as("now, not after the first answer").hasValue(-40);
            assertThat(redeem.responseCode()).isEqualTo("51");
        }
        assertThat(fixture.balanceOf(card)).isEqualTo(-40);
    }

    @Test
    void overHttpACopyShowsTheBalanceAsItIsNow() throws Exception {
        HubFixture.Merchant shop = fixture.merchant();
        String card = card();
        fixture.swipe(shop, sale("a-1", card, 1_000));
        fixture.swipe(shop, sale("a-2", card, 2_000));

        JsonNode copy = JSON.readTree(fixture.swipe(shop, sale("a-1", card, 1_000)).body());

        assertThat(copy.get("duplicate").asBoolean()).isTrue();
        assertThat(copy.get("points").asLong()).isEqualTo(10);
        assertThat(copy.get("balance").asLong()).isEqualTo(30);
    }

    // 6. Activation only on an applied transaction

    @Test
    void aSaleDeclinedForItsCurrencyActivatesNoCardOverHttp() throws Exception {
        HubFixture.Merchant shop = fixture.merchant();
        String card = card();

        JsonNode declined = JSON.readTree(fixture.swipe(shop, "{\"txnRef\":\"usd-1\",\"cardNumber\":\"" + card
                + "\",\"amount\":1000,\"currency\":\"USD\"}").body());

        assertThat(declined.get("code").asText()).isEqualTo("currency-not-accepted");
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM card WHERE token = ?",
                fixture.hub().cardReader().read(card).token().hash())).isZero();
    }

    // 7. occurredAt bounds

    @Test
    void aTimeOutsideTheAcceptedWindowIsRefusedOnEveryChannel() throws Exception {
        HubFixture.Merchant shop = fixture.merchant();
        String card = card();
        long purchasesBefore = fixture.count("purchase");

        for (String at : List.of("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                OffsetDateTime.now(ZoneOffset.UTC).plusHours(3).toString(), OffsetDateTime.now(ZoneOffset.UTC).minusDays(120).toString())) {
            HttpResponse<String> http = fixture.swipe(shop, "{\"txnRef\":\"t-" + STANS.incrementAndGet() + "\",\"cardNumber\":\""
                    + card + "\",\"amount\":1000,\"currency\":\"EUR\",\"occurredAt\":\"" + at + "\"}");
            assertThat(http.statusCode()).as(at).isEqualTo(422);
            assertThat(http.body()).contains("\"code\":\"occurred-at-out-of-range\"");
        }

        try (Iso8583Client iso = clients.connect()) {
            Iso8583Message ahead = iso(shop).sale(card, 1_000).with(Iso8583Dialect.TRANSMISSION_DATE_TIME,
                    FIELD_7.format(OffsetDateTime.now(ZoneOffset.UTC).plusHours(3)));
            assertThat(iso.exchange(ahead).responseCode()).isEqualTo("30");
        }

        try (BrokerTill stomp = clients.stomp(shop)) {
            stomp.send("{\"txnRef\":\"t-b\",\"cardNumber\":\"" + card + "\",\"amount\":1000,\"currency\":\"EUR\","
                    + "\"occurredAt\":\"0001-01-01T00:00:00Z\"}");
            JsonNode reply = JSON.readTree(stomp.nextReply(WAIT));
            assertThat(reply.get("status").asText()).isEqualTo("rejected");
            assertThat(reply.get("code").asText()).isEqualTo("occurred-at-out-of-range");
        }

        assertThat(clients.dropCsv(shop, "old.csv", "S1,T1,t-c,SALE,2017-10-01T15:15:25Z," + card + ",1000,EUR,\n").get(1))
                .startsWith("2,t-c,rejected,occurred-at-out-of-range,,,,,");

        PosLogClient.Response posLog = clients.postPosLog(shop, EveryChannelClients.posLogSale("t-p", card, "10.00", OffsetDateTime.parse("2017-10-01T15:15:25Z")));
        assertThat(posLog.body()).contains("status=\"rejected\"").contains("code=\"occurred-at-out-of-range\"");

        assertThat(fixture.count("purchase")).isEqualTo(purchasesBefore);
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM card WHERE token = ?",
                fixture.hub().cardReader().read(card).token().hash())).isZero();
    }

    private static String card() {
        return HubFixture.card(SERIALS.incrementAndGet());
    }

    private static String sale(String ref, String card, long amount) {
        return "{\"txnRef\":\"" + ref + "\",\"cardNumber\":\"" + card + "\",\"amount\":" + amount + ",\"currency\":\"EUR\"}";
    }

    private static String refund(String ref, String card, long amount, String original) {
        return "{\"txnRef\":\"" + ref + "\",\"type\":\"REFUND\",\"cardNumber\":\"" + card + "\",\"amount\":" + amount
                + ",\"currency\":\"EUR\"" + (original == null ? "" : ",\"originalTxnRef\":\"" + original + "\"") + "}";
    }

    private static TerminalRequests iso(HubFixture.Merchant shop) {
        return new TerminalRequests("T1", shop.code(), "978", Clock.systemUTC(), STANS.addAndGet(100));
    }

    /** What {@code reference-conflicts --merchant CODE} prints, run against the running hub's database. */
    private static String referenceConflicts(String merchant) {
        HubCommandRun run = HubCommandRun.of("reference-conflicts", "-s", "hub.data-dir=" + fixture.dataDir(),
                "--merchant", merchant);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }
}
