package io.loyaltyhub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.adapters.iso8583.Iso8583Client;
import io.loyaltyhub.adapters.iso8583.TerminalRequests;
import io.loyaltyhub.adapters.simulator.BrokerTill;
import io.loyaltyhub.domain.admin.TransactionLimitSettings;
import io.loyaltyhub.domain.household.BlockReason;
import io.loyaltyhub.domain.household.CardLifecycle;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.broker.terminals.BrokerTerminalsExtension;
import io.loyaltyhub.hub.csv.CsvBatchChannel;
import io.loyaltyhub.hub.iso8583.Iso8583Extension;
import io.loyaltyhub.hub.poslog.PosLogChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The card's life (issue 14) as a terminal meets it, on every channel of one real hub: HTTP JSON, ISO 8583 over TCP,
 * STOMP on the broker, CSV files in the inbox and POSLog over HTTP. A blocked card and a replaced card are declined
 * with their stable code in each channel's own protocol, and nothing is credited to them; so is a sale above a limit.
 */
@Slow
@ResourceLock(Resources.SYSTEM_OUT)
class CardLifeOnEveryChannelTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SERIALS = new AtomicInteger(40_000);
    private static final AtomicInteger STANS = new AtomicInteger(1);

    private static HubFixture fixture;
    private static EveryChannelClients clients;
    private static CardLifecycle cards;
    private static final Iso8583Extension ISO_8583 = new Iso8583Extension();

    @BeforeAll
    static void startHub() {
        fixture = HubFixture.start(Map.of(
                "hub.swipe.reply-timeout-ms", "20000",
                "hub.iso8583.host", "127.0.0.1",
                "hub.iso8583.listeners", "binary-2:0"),
                List.of(ISO_8583, new CsvBatchChannel(), new PosLogChannel(), new BrokerTerminalsExtension()));
        clients = new EveryChannelClients(fixture, ISO_8583, WAIT);
        cards = new CardLifecycle(fixture.hub().database(), IdGenerator.forNode(901), Clock.systemUTC());
    }

    @AfterAll
    static void stopHub() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aBlockedCardIsDeclinedCardBlockedOnEveryChannel() throws Exception {
        HubFixture.Merchant shop = fixture.merchant();
        String card = card();
        fixture.swipe(shop, sale("k-0", card, 1_000));
        cards.block(fixture.hub().cardReader().read(card), BlockReason.LOST, "test");

        declinedEverywhere(shop, card, 1_000, "card-blocked", "62", "k");

        assertThat(fixture.balanceOf(card)).isEqualTo(10);
    }

    @Test
    void aReplacedCardIsDeclinedCardReplacedOnEveryChannelAndItsReplacementCarriesTheBalance() throws Exception {
        HubFixture.Merchant shop = fixture.merchant();
        String old = card();
        String replacement = card();
        fixture.swipe(shop, sale("r-0", old, 1_000));
        cards.replace(fixture.hub().cardReader().read(old), fixture.hub().cardReader().read(replacement), "test");

        declinedEverywhere(shop, old, 1_000, "card-replaced", "54", "r");

        JsonNode onReplacement = JSON.readTree(fixture.swipe(shop, sale("r-9", replacement, 1_000)).body());
        assertThat(onReplacement.get("balance").asLong()).isEqualTo(20);
    }

    @Test
    void aSaleAboveTheMerchantsLargestAmountIsDeclinedOnEveryChannelAndListedForTheOperator() throws Exception {
        HubFixture.Merchant shop = fixture.merchant();
        String card = card();
        fixture.swipe(shop, sale("l-0", card, 1_000));
        new TransactionLimitSettings(fixture.hub().database(), IdGenerator.forNode(902), Clock.systemUTC())
                .set(shop.id(), new TransactionLimitSettings.Limits(5_000L, null, null, null));

        declinedEverywhere(shop, card, 900_000, "amount-over-limit", "61", "l");

        assertThat(fixture.balanceOf(card)).isEqualTo(10);
        String listed = limitRefusals(shop.code());
        assertThat(listed).contains("ref l-h SALE ****" + card.substring(12) + " amount 900000 EUR points 0: amount-over-limit (limit 5000)")
                .contains("ref l-b").contains("ref l-c").contains("ref l-p").contains("5 refusal(s)").doesNotContain(card);
    }

    @Test
    void balanceAnswersShowThePointsThatExpireNextOnEveryChannel() throws Exception {
        new io.loyaltyhub.domain.expiry.PointsExpiry(fixture.hub().database(), IdGenerator.forNode(903), Clock.systemUTC())
                .setPolicy(java.util.Optional.of(io.loyaltyhub.domain.expiry.ExpiryPolicy.monthsAfterEarning(24)));
        HubFixture.Merchant shop = fixture.merchant();
        String card = card();
        fixture.swipe(shop, sale("x-0", card, 1_000));
        java.time.LocalDate on = java.time.LocalDate.now(ZoneOffset.UTC).plusMonths(24);

        JsonNode http = JSON.readTree(fixture.swipe(shop, "{\"txnRef\":\"x-h\",\"type\":\"BALANCE_INQUIRY\",\"cardNumber\":\""
                + card + "\"}").body());
        assertThat(http.path("nextExpiry").path("points").asLong()).isEqualTo(10);
        assertThat(http.path("nextExpiry").path("on").asText()).isEqualTo(on.toString());

        try (Iso8583Client iso = clients.connect()) {
            Iso8583Client.Exchange inquiry = iso.exchange(iso(shop).balanceInquiry(card));
            assertThat(inquiry.loyaltyData().number(io.loyaltyhub.adapters.iso8583.LoyaltyData.EXPIRING_POINTS)).hasValue(10);
            assertThat(inquiry.loyaltyData().element(io.loyaltyhub.adapters.iso8583.LoyaltyData.EXPIRES_ON))
                    .hasValue(on.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        }

        try (BrokerTill stomp = clients.stomp(shop)) {
            stomp.send("{\"txnRef\":\"x-b\",\"type\":\"BALANCE_INQUIRY\",\"cardNumber\":\"" + card + "\"}");
            assertThat(JSON.readTree(stomp.nextReply(WAIT)).path("nextExpiry").path("points").asLong()).isEqualTo(10);
        }

        String now = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString();
        assertThat(clients.dropCsv(shop, "x.csv", "S1,T1,x-c,SALE," + now + "," + card + ",1000,EUR,\n").get(1))
                .as("a result line of the batch channels shows it too").isEqualTo("2,x-c,approved,approved,10,20,"
                        + card.substring(12) + ",false,,20," + on);

        assertThat(clients.postPosLog(shop, EveryChannelClients.posLogSale("x-p", card, "10.00", OffsetDateTime.now().minusMinutes(5))).body())
                .contains("expiringPoints=\"30\"").contains("expiresOn=\"" + on + "\"");
    }

    /** What {@code limit-refusals --merchant CODE} prints, run against the running hub's database. */
    private static String limitRefusals(String merchant) {
        java.io.PrintStream console = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
            exit = new picocli.CommandLine(new io.loyaltyhub.hub.cli.HubCommand()).execute("limit-refusals", "-s",
                    "hub.data-dir=" + fixture.dataDir(), "--merchant", merchant);
        } finally {
            System.setOut(console);
        }
        assertThat(exit).isZero();
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static void declinedEverywhere(HubFixture.Merchant shop, String card, long cents, String code, String isoCode,
                                           String ref) throws Exception {
        JsonNode http = JSON.readTree(fixture.swipe(shop, sale(ref + "-h", card, cents)).body());
        assertThat(http.get("status").asText()).isEqualTo("declined");
        assertThat(http.get("code").asText()).isEqualTo(code);

        try (Iso8583Client iso = clients.connect()) {
            assertThat(iso.exchange(iso(shop).sale(card, cents)).responseCode()).isEqualTo(isoCode);
        }

        try (BrokerTill stomp = clients.stomp(shop)) {
            stomp.send(sale(ref + "-b", card, cents));
            JsonNode reply = JSON.readTree(stomp.nextReply(WAIT));
            assertThat(reply.get("status").asText()).isEqualTo("declined");
            assertThat(reply.get("code").asText()).isEqualTo(code);
        }

        String now = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString();
        assertThat(clients.dropCsv(shop, ref + ".csv", "S1,T1," + ref + "-c,SALE," + now + "," + card + "," + cents + ",EUR,\n").get(1))
                .startsWith("2," + ref + "-c,declined," + code + ",0,");

        assertThat(clients.postPosLog(shop, EveryChannelClients.posLogSale(ref + "-p", card, String.format("%d.%02d", cents / 100, cents % 100),
                OffsetDateTime.now().minusMinutes(5))).body())
                .contains("status=\"declined\"").contains("code=\"" + code + "\"");
    }

    private static String card() {
        return HubFixture.card(SERIALS.incrementAndGet());
    }

    private static String sale(String ref, String card, long amount) {
        return "{\"txnRef\":\"" + ref + "\",\"cardNumber\":\"" + card + "\",\"amount\":" + amount + ",\"currency\":\"EUR\"}";
    }

    private static TerminalRequests iso(HubFixture.Merchant shop) {
        return new TerminalRequests("T1", shop.code(), "978", Clock.systemUTC(), STANS.addAndGet(100));
    }

}
