package io.loyaltyhub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.adapters.iso8583.Iso8583Client;
import io.loyaltyhub.adapters.iso8583.Iso8583Dialect;
import io.loyaltyhub.adapters.iso8583.Iso8583Message;
import io.loyaltyhub.adapters.iso8583.LoyaltyData;
import io.loyaltyhub.adapters.iso8583.TerminalRequests;
import io.loyaltyhub.domain.earn.Campaign;
import io.loyaltyhub.domain.earn.Campaigns;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.reward.PointValue;
import io.loyaltyhub.domain.reward.PointValues;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.iso8583.Iso8583Extension;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Paying part of a sale with points over ISO 8583 (docs/iso8583.md, docs/rewards.md) on one real hub over a real
 * socket: field 63 element PY offers the points, fields 4 and 49 name the sale, the answer's PE and PM say how many
 * points were taken and how much money they paid, a reversal gives them back, and the refusals arrive as field 39
 * codes. Also: a sale whose points a campaign raised names its earn rules in element ER.
 */
@Slow
class PaymentWithPointsOverIso8583Test {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger SERIALS = new AtomicInteger(88_000);
    private static final AtomicInteger STANS = new AtomicInteger(7_000);
    private static final Iso8583Extension ISO_8583 = new Iso8583Extension();

    private static HubFixture fixture;
    private static EveryChannelClients clients;

    @BeforeAll
    static void startHub() {
        fixture = HubFixture.start(Map.of(
                "hub.swipe.reply-timeout-ms", "20000",
                "hub.swipe.overloaded-after-ms", "60000",
                "hub.iso8583.host", "127.0.0.1",
                "hub.iso8583.listeners", "binary-2:0"),
                List.of(ISO_8583));
        clients = new EveryChannelClients(fixture, ISO_8583, WAIT);
        // 100 points = 1.00 EUR: a point is worth a cent
        new PointValues(fixture.hub().database(), Clock.systemUTC()).set(new PointValue("EUR", 100, 100));
    }

    @AfterAll
    static void stopHub() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static TerminalRequests till(HubFixture.Merchant shop) {
        return till(shop, "978");
    }

    private static TerminalRequests till(HubFixture.Merchant shop, String currency) {
        return new TerminalRequests("T1", shop.code(), currency, Clock.systemUTC(), STANS.addAndGet(100));
    }

    private static Iso8583Client.Exchange send(Iso8583Message request) throws Exception {
        try (Iso8583Client iso = clients.connect()) {
            return iso.exchange(request);
        }
    }

    private static String cardWith(HubFixture.Merchant shop, long points) throws Exception {
        String card = HubFixture.card(SERIALS.incrementAndGet());
        Iso8583Client.Exchange sale = send(till(shop).sale(card, points * 100));
        assertThat(sale.responseCode()).isEqualTo("00");
        assertThat(sale.loyaltyData().number(LoyaltyData.POINTS_CHANGE)).hasValue(points);
        return card;
    }

    @Test
    void aTillPaysPartOfASaleWithPointsTheAnswerSaysThePointsAndTheMoneyAndItsReversalGivesThemBack() throws Exception {
        HubFixture.Merchant shop = fixture.merchant();
        String card = cardWith(shop, 1_000);
        TerminalRequests till = till(shop);
        Iso8583Message payment = till.pointsPayment(card, 250, 1_999);

        Iso8583Client.Exchange paid = send(payment);

        assertThat(paid.responseCode()).isEqualTo("00");
        assertThat(paid.loyaltyData().number(LoyaltyData.POINTS_CHANGE)).hasValue(-250);
        assertThat(paid.loyaltyData().number(LoyaltyData.PAID_MONEY)).hasValue(250);
        assertThat(paid.loyaltyData().number(LoyaltyData.POINTS_BALANCE)).hasValue(750);
        assertThat(fixture.balanceOf(card)).isEqualTo(750);

        Iso8583Client.Exchange copy = send(TerminalRequests.asRepeat(payment));
        assertThat(copy.loyaltyData().number(LoyaltyData.PAID_MONEY)).as("a copy answers the same").hasValue(250);
        assertThat(fixture.balanceOf(card)).isEqualTo(750);

        Iso8583Client.Exchange reversed = send(till.reversal(payment, false));

        assertThat(reversed.responseCode()).isEqualTo("00");
        assertThat(reversed.loyaltyData().number(LoyaltyData.POINTS_CHANGE)).hasValue(250);
        assertThat(fixture.balanceOf(card)).isEqualTo(1_000);
    }

    @Test
    void pointsWorthMoreThanTheSaleOrAboveTheBalanceAreRefusedWithTheirCodesAndNothingMoves() throws Exception {
        HubFixture.Merchant shop = fixture.merchant();
        String card = cardWith(shop, 1_000);

        Iso8583Client.Exchange tooMuch = send(till(shop).pointsPayment(card, 600, 500));
        Iso8583Client.Exchange tooFew = send(till(shop).pointsPayment(card, 5_000, 10_000));
        Iso8583Client.Exchange noValue = send(till(shop, "840").pointsPayment(card, 100, 10_000));
        Iso8583Client.Exchange noSale = send(till(shop).pointsPayment(card, 100, 1_000).without(Iso8583Dialect.AMOUNT));
        Iso8583Client.Exchange both = send(till(shop).pointsPayment(card, 100, 1_000).with(Iso8583Dialect.LOYALTY_DATA,
                "PY003100RP003100"));

        assertThat(tooMuch.responseCode()).as("points-exceed-sale").isEqualTo("13");
        assertThat(tooMuch.loyaltyData().number(LoyaltyData.POINTS_CHANGE)).hasValue(0);
        assertThat(tooMuch.loyaltyData().element(LoyaltyData.PAID_MONEY)).isEmpty();
        assertThat(tooFew.responseCode()).as("insufficient-points").isEqualTo("51");
        assertThat(tooFew.loyaltyData().number(LoyaltyData.POINTS_BALANCE)).hasValue(1_000);
        assertThat(noValue.responseCode()).as("currency-not-accepted").isEqualTo("13");
        assertThat(noSale.responseCode()).isEqualTo("13");
        assertThat(both.responseCode()).isEqualTo("30");
        assertThat(fixture.balanceOf(card)).isEqualTo(1_000);
    }

    @Test
    void aSaleWhosePointsACampaignRaisedNamesItsEarnRulesAndAPlainSaleAnswersAsBefore() throws Exception {
        HubFixture.Merchant plain = fixture.merchant();
        HubFixture.Merchant promoting = fixture.merchant();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        new Campaigns(fixture.hub().database(), IdGenerator.forNode(941), Clock.systemUTC()).add(promoting.id(),
                new Campaign("ISO2X", 200L, null, now.minusDays(1), now.plusDays(1), null, null, null));
        String card = HubFixture.card(SERIALS.incrementAndGet());

        Iso8583Client.Exchange doubled = send(till(promoting).sale(card, 1_000));
        Iso8583Client.Exchange base = send(till(plain).sale(card, 1_000));

        assertThat(doubled.loyaltyData().number(LoyaltyData.POINTS_CHANGE)).hasValue(20);
        assertThat(doubled.loyaltyData().element(LoyaltyData.EARN_RULES)).contains("rate:base,campaign:ISO2X");
        assertThat(base.loyaltyData().number(LoyaltyData.POINTS_CHANGE)).hasValue(10);
        assertThat(base.loyaltyData().element(LoyaltyData.EARN_RULES)).isEmpty();
        assertThat(base.response().field(Iso8583Dialect.LOYALTY_DATA).orElseThrow()).matches("PE003\\+10PB00230ST001C");
    }
}
