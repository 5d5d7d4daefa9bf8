package io.loyaltyhub.hub.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyhub.adapters.simulator.WebhookTill;
import io.loyaltyhub.adapters.simulator.WebhookTill.Delivery;
import io.loyaltyhub.adapters.webhook.WebhookExamples;
import io.loyaltyhub.domain.member.CardAccounts;
import io.loyaltyhub.domain.member.MemberEnrolment;
import io.loyaltyhub.domain.member.MemberRegistry;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionType;
import io.loyaltyhub.domain.webhook.WebhookConnection;
import io.loyaltyhub.domain.webhook.WebhookConnections;
import io.loyaltyhub.domain.webhook.WebhookEvent;
import io.loyaltyhub.domain.webhook.WebhookEvents;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import io.loyaltyhub.hub.keys.HubKeys;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Square and Shopify webhooks over real HTTP against a real hub, built from the providers' example bodies and signed
 * as the providers sign them (by the POS simulator's {@link WebhookTill}); the event register on the embedded database
 * and on a MySQL-compatible server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
abstract class WebhookSuite {
    private static final byte[] SQUARE_KEY = "Ibxx_5AKakO-3qeNVR61Dw".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SHOPIFY_SECRET = "shpss_5f6e0a2d8c1b4e7f9a3c".getBytes(StandardCharsets.UTF_8);
    private static final String SQUARE_ACCOUNT = "6SSW7HV8K2ST5";
    private static final String SHOP = "pages-and-co.myshopify.com";
    private static final AtomicLong SERIAL = new AtomicLong(7000);

    private HubFixture fixture;
    private Merchant m;
    private String notificationUrl;

    abstract Map<String, String> databaseSettings();

    abstract void dropDatabase();

    @BeforeAll
    void startHub() {
        Map<String, String> settings = new HashMap<>(databaseSettings());
        settings.put("hub.webhooks.retry-pending-seconds", "1");
        fixture = HubFixture.start(settings, List.of(new WebhookChannel()));
        m = fixture.merchant();
        notificationUrl = "https://hub.example.com/webhooks/v1/square/" + m.code();
        WebhookConnections connections = connections();
        StoreId store = new StoreId(fixture.queryLong("SELECT id FROM store WHERE merchant_id = ?", m.id().value()));
        TerminalId till = new TerminalId(fixture.queryLong("SELECT id FROM terminal WHERE merchant_id = ?", m.id().value()));
        connections.connect(new WebhookConnection(m.id(), "square", store, till, SQUARE_ACCOUNT, notificationUrl, SQUARE_KEY));
        connections.connect(new WebhookConnection(m.id(), "shopify", store, till, SHOP, null, SHOPIFY_SECRET));
    }

    @AfterAll
    void stopHub() {
        try {
            fixture.close();
        } finally {
            dropDatabase();
        }
    }

    @Test
    void aSquareSaleIsAcknowledgedAndCreditedOnceHoweverOftenSquareSendsIt() {
        String card = card();
        String event = UUID.randomUUID().toString();
        String payment = "KkAkhdMsgzn59SM8A89W" + SERIAL.incrementAndGet();

        Delivery first = square().squareSale(event, payment, 12345, "EUR", "Loyalty card " + card, null, now());
        awaitStatus("square", event, WebhookEvent.Status.CREDITED);
        Delivery again = square().squareSale(event, payment, 12345, "EUR", "Loyalty card " + card, null, now());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("\"status\":\"received\"");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("\"status\":\"copy\"").contains("\"result\":\"credited\"");
        assertThat(fixture.balanceOf(card)).isEqualTo(123);
        assertThat(events().find(m.id(), "square", event).orElseThrow().points()).isEqualTo(123);
    }

    @Test
    void theCreatedAndUpdatedEventsOfOnePaymentAreOneSale() {
        String card = card();
        String payment = "KkAkhdMsgzn59SM8A89W" + SERIAL.incrementAndGet();
        String created = UUID.randomUUID().toString();
        String updated = UUID.randomUUID().toString();

        square().send(squareSaleExample(created, payment, card).with("type", "payment.created"), null, null);
        square().send(squareSaleExample(updated, payment, card), null, null);

        awaitStatus("square", created, WebhookEvent.Status.CREDITED);
        awaitStatus("square", updated, WebhookEvent.Status.CREDITED);
        assertThat(fixture.balanceOf(card)).isEqualTo(123);
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE merchant_id = ? AND txn_ref = ?",
                m.id().value(), "sq-" + payment)).isEqualTo(1);
    }

    @Test
    void aSquareRefundReversesPointsInProportionOnTheCardOfItsSale() {
        String card = card();
        String payment = "KkAkhdMsgzn59SM8A89W" + SERIAL.incrementAndGet();
        String sale = UUID.randomUUID().toString();
        String refund = UUID.randomUUID().toString();
        square().squareSale(sale, payment, 12345, "EUR", "card " + card, null, now());
        awaitStatus("square", sale, WebhookEvent.Status.CREDITED);

        Delivery answer = square().squareRefund(refund, payment, payment + "_ptNBVqHYxt5gAdfcobBe4u1AZsXhoz06KTtuq9Ls24P",
                4000, "EUR", now());

        assertThat(answer.status()).isEqualTo(200);
        awaitStatus("square", refund, WebhookEvent.Status.CREDITED);
        assertThat(fixture.balanceOf(card)).isEqualTo(84);
        assertThat(events().find(m.id(), "square", refund).orElseThrow().transaction().originalTxnRef().value())
                .isEqualTo("sq-" + payment);
    }

    @Test
    void aShopifySaleRefundAndCancellationMoveThePointsOfTheOrder() {
        String card = card();
        long refunded = SERIAL.incrementAndGet();
        long cancelled = SERIAL.incrementAndGet();
        String sale1 = UUID.randomUUID().toString();
        String sale2 = UUID.randomUUID().toString();

        assertThat(shopify().shopifySale(sale1, refunded, 12345, "EUR", card, null, now()).status()).isEqualTo(200);
        assertThat(shopify().shopifySale(sale2, cancelled, 5000, "EUR", card, null, now()).status()).isEqualTo(200);
        awaitStatus("shopify", sale1, WebhookEvent.Status.CREDITED);
        awaitStatus("shopify", sale2, WebhookEvent.Status.CREDITED);
        assertThat(fixture.balanceOf(card)).isEqualTo(173);

        String refund = UUID.randomUUID().toString();
        String cancel = UUID.randomUUID().toString();
        shopify().shopifyRefund(refund, refunded, SERIAL.incrementAndGet(), 4000, "EUR", now());
        shopify().shopifyCancellation(cancel, cancelled, "EUR", now());

        awaitStatus("shopify", refund, WebhookEvent.Status.CREDITED);
        awaitStatus("shopify", cancel, WebhookEvent.Status.CREDITED);
        assertThat(fixture.balanceOf(card)).isEqualTo(84);
    }

    @Test
    void aSaleIsFoundByTheEmailOfAMemberWhoConsentedToTheMerchant() {
        String card = card();
        fixture.swipe(m, "{\"txnRef\":\"enrol-" + SERIAL.incrementAndGet() + "\",\"cardNumber\":\"" + card
                + "\",\"amount\":100,\"currency\":\"EUR\"}");
        long account = new CardAccounts(fixture.hub().database())
                .accountOf(List.of(fixture.hub().cardReader().read(card).token().hash())).orElseThrow();
        ((MemberRegistry) fixture.hub().memberContacts()).enrolByMerchant(m.id(),
                new MemberEnrolment(account, "Ann Example", "Ann.Example@example.com", null, null, Set.of(m.id())));
        String event = UUID.randomUUID().toString();

        shopify().shopifySale(event, SERIAL.incrementAndGet(), 10000, "EUR", null, "ann.example@EXAMPLE.com", now());

        awaitStatus("shopify", event, WebhookEvent.Status.CREDITED);
        assertThat(fixture.balanceOf(card)).isEqualTo(1 + 100);
    }

    @Test
    void aSaleWithoutAFindableCardIsAcknowledgedAndListedWithWhereTheHubLooked() {
        String event = UUID.randomUUID().toString();

        Delivery answer = shopify().shopifySale(event, SERIAL.incrementAndGet(), 10000, "EUR", null, "nobody@example.com", now());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"result\":\"no-card\"");
        WebhookEvent stored = events().latest(m.id(), Optional.of(WebhookEvent.Status.NO_CARD), 100).stream()
                .filter(e -> e.eventId().equals(event)).findFirst().orElseThrow();
        assertThat(stored.detail()).contains("no enrolled member who consented");
        assertThat(stored.transaction()).isNull();
    }

    @Test
    void eventsThatCreditNothingAreAcknowledgedAndKeptWithTheReason() {
        String type = UUID.randomUUID().toString();
        String unpaid = UUID.randomUUID().toString();
        byte[] customer = ("{\"merchant_id\":\"" + SQUARE_ACCOUNT + "\",\"type\":\"customer.created\",\"event_id\":\"" + type
                + "\",\"created_at\":\"" + now() + "\",\"data\":{}}").getBytes(StandardCharsets.UTF_8);

        Delivery other = square().post(customer, square().headersFor(customer));
        Delivery approved = square().send(squareSaleExample(unpaid, "P" + SERIAL.incrementAndGet(), card())
                .with("status", "APPROVED"), null, null);

        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).contains("\"result\":\"ignored\"").contains("event type not used for points");
        assertThat(approved.body()).contains("\"result\":\"ignored\"").contains("payment not completed (APPROVED)");
        assertThat(events().find(m.id(), "square", type).orElseThrow().status()).isEqualTo(WebhookEvent.Status.IGNORED);
    }

    @Test
    void aMissingOrWrongSignatureIsRefusedAndNothingIsStored() {
        long before = fixture.count("webhook_event");
        String event = UUID.randomUUID().toString();
        byte[] body = squareSaleExample(event, "P" + SERIAL.incrementAndGet(), card()).body();
        WebhookTill otherKey = new WebhookTill(URI.create(fixture.baseUrl()), "square", m.code(),
                "another-key".getBytes(StandardCharsets.UTF_8), notificationUrl, SQUARE_ACCOUNT);
        WebhookTill otherUrl = new WebhookTill(URI.create(fixture.baseUrl()), "square", m.code(), SQUARE_KEY,
                "https://elsewhere.example.com/hook", SQUARE_ACCOUNT);

        Delivery missing = square().post(body, Map.of());
        Delivery wrongKey = otherKey.post(body, otherKey.headersFor(body));
        Delivery wrongUrl = otherUrl.post(body, otherUrl.headersFor(body));
        byte[] altered = new String(body, StandardCharsets.UTF_8).replace("12345", "99999").getBytes(StandardCharsets.UTF_8);
        Delivery tampered = square().post(altered, square().headersFor(body));

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body()).contains("\"code\":\"signature-missing\"");
        for (Delivery refused : List.of(wrongKey, wrongUrl, tampered)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).contains("\"code\":\"signature-mismatch\"");
        }
        assertThat(fixture.count("webhook_event")).isEqualTo(before);
    }

    @Test
    void anotherAccountsEventAnOldEventAndAMalformedBodyAreRefusedWithCodes() {
        long before = fixture.count("webhook_event");
        WebhookTill otherAccount = new WebhookTill(URI.create(fixture.baseUrl()), "square", m.code(), SQUARE_KEY,
                notificationUrl, "ANOTHERMERCHANT");
        byte[] malformed = "{\"merchant_id\":\"6SSW7HV8K2ST5\",\"type\":".getBytes(StandardCharsets.UTF_8);

        Delivery foreign = otherAccount.squareSale(UUID.randomUUID().toString(), "P1", 100, "EUR", card(), null, now());
        Delivery old = square().squareSale(UUID.randomUUID().toString(), "P2", 100, "EUR", card(), null,
                now().minusDays(4));
        Delivery broken = square().post(malformed, square().headersFor(malformed));
        Delivery shopWithoutId = shopify().send(ShopifyExamplesForTests.paid(SERIAL.incrementAndGet()), "orders/paid", null);

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body()).contains("\"code\":\"other-account\"");
        assertThat(old.status()).isEqualTo(422);
        assertThat(old.body()).contains("\"code\":\"event-too-old\"");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).contains("\"code\":\"malformed-body\"");
        assertThat(shopWithoutId.status()).isEqualTo(400);
        assertThat(fixture.count("webhook_event")).isEqualTo(before);
    }

    @Test
    void unknownProvidersAndUnconnectedMerchantsAreRefused() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        for (String provider : List.of("loyverse", "lightspeed")) {
            Delivery answer = new WebhookTill(URI.create(fixture.baseUrl()), provider, m.code(), SQUARE_KEY, null, null)
                    .post(body, Map.of());
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body()).contains("\"code\":\"not-connected\"");
        }
        Delivery unknown = new WebhookTill(URI.create(fixture.baseUrl()), "square", "no-such-merchant", SQUARE_KEY,
                null, null).post(body, Map.of());
        Delivery noProvider = new WebhookTill(URI.create(fixture.baseUrl()), "clover", m.code(), SQUARE_KEY, null, null)
                .post(body, Map.of());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"not-connected\"");
        assertThat(noProvider.status()).isEqualTo(404);
        assertThat(noProvider.body()).contains("\"code\":\"unknown-provider\"");
    }

    @Test
    void noCardNumberIsStoredOnlyItsTokenAndLastFour() throws SQLException {
        String card = card();
        String event = UUID.randomUUID().toString();
        square().squareSale(event, "KkAkhdMsgzn59SM8A89W" + SERIAL.incrementAndGet(), 5000, "EUR",
                "Loyalty card " + card.substring(0, 4) + " " + card.substring(4, 8) + " " + card.substring(8, 12) + " "
                        + card.substring(12), "leak@example.com", now());
        awaitStatus("square", event, WebhookEvent.Status.CREDITED);

        StringBuilder everything = new StringBuilder();
        try (Connection c = fixture.hub().database().connection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM webhook_event");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    everything.append(rs.getString(i)).append('|');
                }
            }
            c.rollback();
        }
        assertThat(everything.toString()).doesNotContain(card).doesNotContain(card.substring(4, 8) + " " + card.substring(8, 12))
                .doesNotContain("leak@example.com").contains(fixture.hub().cardReader().read(card).token().hash());
    }

    @Test
    void anEventStoredButNotCreditedBeforeTheHubStoppedIsCreditedAfterItStartsAgain() {
        String card = card();
        String event = UUID.randomUUID().toString();
        StoreId store = new StoreId(fixture.queryLong("SELECT id FROM store WHERE merchant_id = ?", m.id().value()));
        TerminalId till = new TerminalId(fixture.queryLong("SELECT id FROM terminal WHERE merchant_id = ?", m.id().value()));
        PosTransaction sale = new PosTransaction(m.id(), store, till, new TxnRef("sh-" + SERIAL.incrementAndGet()),
                TransactionType.SALE, fixture.hub().cardReader().read(card), io.loyaltyhub.domain.model.Money.of(20000, "EUR"),
                now(), List.of(), null, 0, Channel.WEBHOOK);
        // As the delivery route leaves it when the hub stops between the provider's answer and the crediting.
        events().record(WebhookEvent.toCredit(m.id(), "shopify", event, "orders/paid", sale), Clock.systemUTC().instant());

        fixture.restart();

        awaitStatus("shopify", event, WebhookEvent.Status.CREDITED);
        assertThat(fixture.balanceOf(card)).isEqualTo(200);
    }

    @Test
    void aRefundArrivingBeforeItsSaleIsCreditedWaitsForTheSale() {
        String card = card();
        long order = SERIAL.incrementAndGet();
        String sale = UUID.randomUUID().toString();
        String refund = UUID.randomUUID().toString();
        // The sale stored and not yet credited (as a crash or an outage leaves it): the refund must not reach the
        // engine before it, or the engine would decline it as original-not-found for good.
        events().record(WebhookEvent.toCredit(m.id(), "shopify", sale, "orders/paid", new PosTransaction(m.id(),
                store(), till(), new TxnRef("sh-" + order), TransactionType.SALE, fixture.hub().cardReader().read(card),
                io.loyaltyhub.domain.model.Money.of(12345, "EUR"), now(), List.of(), null, 0, Channel.WEBHOOK)),
                Clock.systemUTC().instant());

        assertThat(shopify().shopifyRefund(refund, order, SERIAL.incrementAndGet(), 4000, "EUR", now()).status()).isEqualTo(200);

        awaitStatus("shopify", sale, WebhookEvent.Status.CREDITED);
        awaitStatus("shopify", refund, WebhookEvent.Status.CREDITED);
        assertThat(fixture.balanceOf(card)).isEqualTo(84);
    }

    private StoreId store() {
        return new StoreId(fixture.queryLong("SELECT id FROM store WHERE merchant_id = ?", m.id().value()));
    }

    private TerminalId till() {
        return new TerminalId(fixture.queryLong("SELECT id FROM terminal WHERE merchant_id = ?", m.id().value()));
    }

    private WebhookExamples squareSaleExample(String event, String payment, String card) {
        return WebhookExamples.squarePayment().with("account", SQUARE_ACCOUNT).with("event_id", event)
                .with("created_at", now()).with("payment_id", payment).with("amount", 12345).with("currency", "EUR")
                .json("note", "Loyalty card " + card);
    }

    private void awaitStatus(String provider, String event, WebhookEvent.Status status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> events().find(m.id(), provider, event)
                .map(WebhookEvent::status).orElse(null) == status);
    }

    private WebhookTill square() {
        return new WebhookTill(URI.create(fixture.baseUrl()), "square", m.code(), SQUARE_KEY, notificationUrl, SQUARE_ACCOUNT);
    }

    private WebhookTill shopify() {
        return new WebhookTill(URI.create(fixture.baseUrl()), "shopify", m.code(), SHOPIFY_SECRET, null, SHOP);
    }

    private WebhookEvents events() {
        return new WebhookEvents(fixture.hub().database());
    }

    private WebhookConnections connections() {
        return new WebhookConnections(fixture.hub().database(), HubKeys.open(fixture.hub().settings()).masterKey(),
                Clock.systemUTC());
    }

    private static String card() {
        return HubFixture.card(SERIAL.incrementAndGet());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Shopify's orders/paid example with an order id. */
    static final class ShopifyExamplesForTests {
        static WebhookExamples paid(long order) {
            return WebhookExamples.shopifyOrderPaid().with("order_id", order).with("created_at", now())
                    .with("currency", "EUR").with("total_price", "10.00");
        }
    }
}
