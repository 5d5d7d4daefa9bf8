package io.loyaltyhub.hub.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyhub.adapters.simulator.WebhookTill;
import io.loyaltyhub.adapters.simulator.WebhookTill.Delivery;
import io.loyaltyhub.adapters.webhook.WebhookExamples;
import io.loyaltyhub.adapters.webhook.WebhookSignatures;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.webhook.WebhookConnection;
import io.loyaltyhub.domain.webhook.WebhookConnections;
import io.loyaltyhub.domain.webhook.WebhookCustomerCards;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Loyverse and Lightspeed X-Series webhooks over real HTTP against a real hub, built from the providers' example
 * payloads and signed as they sign them (by the POS simulator's {@link WebhookTill}); on the embedded database and on
 * a MySQL-compatible server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
abstract class CloudPosWebhookSuite {
    private static final byte[] LOYVERSE_SECRET = "lv-client-secret-9f3a".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_LOYVERSE_SECRET = "lv-client-secret-other".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LIGHTSPEED_SECRET = "ls-client-secret-77c1".getBytes(StandardCharsets.UTF_8);
    private static final String LOYVERSE_ACCOUNT = "c2b3e4d5-1a2b-11e9-ab14-d663bd873d93";
    private static final String OTHER_LOYVERSE_ACCOUNT = "0f0e0d0c-1a2b-11e9-ab14-d663bd873d93";
    private static final String DOMAIN_PREFIX = "pagesandco";
    private static final AtomicLong SERIAL = new AtomicLong(9000);

    private HubFixture fixture;
    private Merchant m;
    private Merchant other;

    abstract Map<String, String> databaseSettings();

    abstract void dropDatabase();

    @BeforeAll
    void startHub() {
        Map<String, String> settings = new HashMap<>(databaseSettings());
        settings.put("hub.webhooks.retry-pending-seconds", "1");
        fixture = HubFixture.start(settings, List.of(new WebhookChannel()));
        m = fixture.merchant();
        other = fixture.merchant();
        connections().connect(new WebhookConnection(m.id(), "loyverse", store(m), till(m), LOYVERSE_ACCOUNT, null,
                LOYVERSE_SECRET, "EUR"));
        connections().connect(new WebhookConnection(m.id(), "lightspeed", store(m), till(m), DOMAIN_PREFIX, null,
                LIGHTSPEED_SECRET, "EUR"));
        connections().connect(new WebhookConnection(other.id(), "loyverse", store(other), till(other),
                OTHER_LOYVERSE_ACCOUNT, null, OTHER_LOYVERSE_SECRET, "EUR"));
    }

    @AfterAll
    void stopHub() {
        try {
            fixture.close();
        } finally {
            dropDatabase();
        }
    }

    // ---- Loyverse

    @Test
    void aLoyverseReceiptOfACustomerWithACardIsCreditedOnceHoweverOftenItIsSent() {
        String card = card();
        String customer = UUID.randomUUID().toString();
        String receipt = receiptNumber();
        Delivery customerRecord = loyverse().loyverseCustomer(customer, card, null, now());

        Delivery first = loyverse().loyverseReceipts(now(), WebhookTill.loyverseReceipt(receipt, "SALE", 12345, "EUR",
                customer, now()));
        awaitStatus("loyverse", "receipt:" + receipt, WebhookEvent.Status.CREDITED);
        Delivery again = loyverse().loyverseReceipts(now(), WebhookTill.loyverseReceipt(receipt, "SALE", 12345, "EUR",
                customer, now()));

        assertThat(customerRecord.status()).isEqualTo(200);
        assertThat(customerRecord.body()).contains("\"result\":\"ignored\"").contains("remembered for its receipts");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("\"status\":\"received\"").contains("\"event\":\"receipt:" + receipt + "\"");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("\"status\":\"copy\"").contains("\"result\":\"credited\"");
        assertThat(fixture.balanceOf(card)).isEqualTo(123);
    }

    @Test
    void aLoyverseDeliveryWithSeveralReceiptsCreditsEachOnceEvenWhenOneComesAgainInALaterDelivery() {
        String card = card();
        String customer = UUID.randomUUID().toString();
        loyverse().loyverseCustomer(customer, card, null, now());
        String one = receiptNumber();
        String two = receiptNumber();
        String three = receiptNumber();

        Delivery both = loyverse().loyverseReceipts(now(),
                WebhookTill.loyverseReceipt(one, "SALE", 1000, "EUR", customer, now()),
                WebhookTill.loyverseReceipt(two, "SALE", 2000, "EUR", customer, now()));
        Delivery overlapping = loyverse().loyverseReceipts(now(),
                WebhookTill.loyverseReceipt(two, "SALE", 2000, "EUR", customer, now()),
                WebhookTill.loyverseReceipt(three, "SALE", 4000, "EUR", customer, now()));

        awaitStatus("loyverse", "receipt:" + one, WebhookEvent.Status.CREDITED);
        awaitStatus("loyverse", "receipt:" + two, WebhookEvent.Status.CREDITED);
        awaitStatus("loyverse", "receipt:" + three, WebhookEvent.Status.CREDITED);
        assertThat(both.status()).isEqualTo(200);
        assertThat(both.body()).contains("\"events\":[").contains("receipt:" + one).contains("receipt:" + two);
        assertThat(overlapping.body()).contains("\"status\":\"received\"").contains("\"status\":\"copy\"");
        assertThat(fixture.balanceOf(card)).isEqualTo(70);
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE merchant_id = ? AND txn_ref = ?",
                m.id().value(), "lv-" + two)).isEqualTo(1);
    }

    @Test
    void aLoyverseRefundReceiptReversesPointsOnItsSaleAndACancelledReceiptUndoesItsSale() {
        String card = card();
        String customer = UUID.randomUUID().toString();
        loyverse().loyverseCustomer(customer, card, null, now());
        String refunded = receiptNumber();
        String refund = receiptNumber();
        String cancelled = receiptNumber();
        loyverse().loyverseReceipts(now(), WebhookTill.loyverseReceipt(refunded, "SALE", 12345, "EUR", customer, now()),
                WebhookTill.loyverseReceipt(cancelled, "SALE", 5000, "EUR", customer, now()));
        awaitStatus("loyverse", "receipt:" + refunded, WebhookEvent.Status.CREDITED);
        awaitStatus("loyverse", "receipt:" + cancelled, WebhookEvent.Status.CREDITED);

        Delivery refundAnswer = loyverse().loyverseReceipts(now(), WebhookTill.loyverseReceipt(refund, "REFUND", 4000,
                "EUR", customer, now()).json("refund_for", refunded));
        Delivery cancelAnswer = loyverse().loyverseReceipts(now(), WebhookTill.loyverseReceipt(cancelled, "SALE", 5000,
                "EUR", customer, now()).json("cancelled_at", now().toString()));

        assertThat(refundAnswer.status()).isEqualTo(200);
        assertThat(cancelAnswer.status()).isEqualTo(200);
        awaitStatus("loyverse", "receipt:" + refund, WebhookEvent.Status.CREDITED);
        awaitStatus("loyverse", "receipt:" + cancelled + ":cancelled", WebhookEvent.Status.CREDITED);
        assertThat(events().find(m.id(), "loyverse", "receipt:" + refund).orElseThrow().transaction().originalTxnRef()
                .value()).isEqualTo("lv-" + refunded);
        assertThat(fixture.balanceOf(card)).isEqualTo(84);
    }

    @Test
    void aLoyverseReceiptWithoutAKnownCustomerCardIsAcknowledgedAsNoCardAndOtherTypesAreIgnored() {
        String receipt = receiptNumber();
        String stranger = UUID.randomUUID().toString();
        String cardless = UUID.randomUUID().toString();
        loyverse().loyverseCustomer(cardless, "WALKIN", null, now());

        Delivery unknownCustomer = loyverse().loyverseReceipts(now(), WebhookTill.loyverseReceipt(receipt, "SALE", 1000,
                "EUR", stranger, now()));
        Delivery noCode = loyverse().loyverseReceipts(now(), WebhookTill.loyverseReceipt(receiptNumber(), "SALE", 1000,
                "EUR", cardless, now()));
        byte[] items = ("{\"merchant_id\":\"" + LOYVERSE_ACCOUNT + "\",\"type\":\"items.update\",\"created_at\":\""
                + now() + "\",\"items\":[{\"id\":\"" + UUID.randomUUID() + "\",\"item_name\":\"Tea\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        Delivery ignored = loyverse().sendSigned(items, "application/json");

        assertThat(unknownCustomer.status()).isEqualTo(200);
        assertThat(unknownCustomer.body()).contains("\"result\":\"no-card\"").contains(stranger);
        assertThat(noCode.body()).contains("\"result\":\"no-card\"");
        assertThat(ignored.status()).isEqualTo(200);
        assertThat(ignored.body()).contains("\"result\":\"ignored\"").contains("webhook type not used for points");
        assertThat(loyverse().sendSigned(items, "application/json").body()).contains("\"status\":\"copy\"");
    }

    @Test
    void loyverseSignaturesAreHmacSha1OfTheBodyInHexOrBase64AndNothingElse() {
        String card = card();
        String customer = UUID.randomUUID().toString();
        loyverse().loyverseCustomer(customer, card, null, now());
        String receipt = receiptNumber();
        byte[] body = WebhookExamples.loyverseReceipts(WebhookTill.loyverseReceipt(receipt, "SALE", 3000, "EUR", customer,
                now())).with("account", LOYVERSE_ACCOUNT).with("created_at", now()).body();
        byte[] mac = WebhookSignatures.hmac("HmacSHA1", LOYVERSE_SECRET, body);
        long before = fixture.count("webhook_event");

        Delivery missing = loyverse().post(body, Map.of());
        Delivery wrong = loyverse().post(body, Map.of("X-Loyverse-Signature",
                HexFormat.of().formatHex(WebhookSignatures.hmac("HmacSHA1", OTHER_LOYVERSE_SECRET, body))));
        Delivery sha256 = loyverse().post(body, Map.of("X-Loyverse-Signature",
                HexFormat.of().formatHex(WebhookSignatures.hmac("HmacSHA256", LOYVERSE_SECRET, body))));
        assertThat(fixture.count("webhook_event")).isEqualTo(before);
        Delivery base64 = loyverse().post(body, Map.of("X-Loyverse-Signature", Base64.getEncoder().encodeToString(mac)));
        Delivery hex = loyverse().post(body, Map.of("X-Loyverse-Signature", HexFormat.of().formatHex(mac).toUpperCase()));

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body()).contains("\"code\":\"signature-missing\"");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("\"code\":\"signature-mismatch\"");
        assertThat(sha256.status()).isEqualTo(401);
        assertThat(base64.status()).isEqualTo(200);
        assertThat(hex.status()).isEqualTo(200);
        assertThat(hex.body()).contains("\"status\":\"copy\"");
        awaitStatus("loyverse", "receipt:" + receipt, WebhookEvent.Status.CREDITED);
        assertThat(fixture.balanceOf(card)).isEqualTo(30);
    }

    @Test
    void aLoyverseEventOfAnotherMerchantsAccountIsRefusedAndCustomerCardsStayWithTheirMerchant() {
        String card = card();
        String customer = UUID.randomUUID().toString();
        loyverse().loyverseCustomer(customer, card, null, now());
        long before = fixture.count("webhook_event");
        WebhookTill otherTillWithOurAccount = new WebhookTill(URI.create(fixture.baseUrl()), "loyverse", other.code(),
                OTHER_LOYVERSE_SECRET, null, LOYVERSE_ACCOUNT);
        WebhookTill ourSecretAtTheirAddress = new WebhookTill(URI.create(fixture.baseUrl()), "loyverse", other.code(),
                LOYVERSE_SECRET, null, OTHER_LOYVERSE_ACCOUNT);

        Delivery otherAccount = otherTillWithOurAccount.loyverseReceipts(now(), WebhookTill.loyverseReceipt(
                receiptNumber(), "SALE", 1000, "EUR", customer, now()));
        Delivery otherSecret = ourSecretAtTheirAddress.loyverseReceipts(now(), WebhookTill.loyverseReceipt(
                receiptNumber(), "SALE", 1000, "EUR", customer, now()));
        assertThat(fixture.count("webhook_event")).isEqualTo(before);
        String theirs = receiptNumber();
        Delivery theirReceipt = new WebhookTill(URI.create(fixture.baseUrl()), "loyverse", other.code(),
                OTHER_LOYVERSE_SECRET, null, OTHER_LOYVERSE_ACCOUNT).loyverseReceipts(now(),
                WebhookTill.loyverseReceipt(theirs, "SALE", 1000, "EUR", customer, now()));

        assertThat(otherAccount.status()).isEqualTo(403);
        assertThat(otherAccount.body()).contains("\"code\":\"other-account\"");
        assertThat(otherSecret.status()).isEqualTo(401);
        assertThat(otherSecret.body()).contains("\"code\":\"signature-mismatch\"");
        assertThat(theirReceipt.body()).contains("\"result\":\"no-card\"");
        assertThat(new WebhookCustomerCards(fixture.hub().database()).cardOf(other.id(), "loyverse", customer)).isEmpty();
        assertThat(new WebhookCustomerCards(fixture.hub().database()).cardOf(m.id(), "loyverse", customer)).isPresent();
    }

    @Test
    void malformedLoyverseBodiesAreRefusedWithACodeAndNothingStored() {
        long before = fixture.count("webhook_event");
        byte[] notJson = "receipts=1".getBytes(StandardCharsets.UTF_8);
        byte[] noReceipts = ("{\"merchant_id\":\"" + LOYVERSE_ACCOUNT + "\",\"type\":\"receipts.update\",\"created_at\":\""
                + now() + "\",\"receipts\":[]}").getBytes(StandardCharsets.UTF_8);
        byte[] noAmount = WebhookExamples.loyverseReceipts(WebhookTill.loyverseReceipt(receiptNumber(), "SALE", 1000, "EUR",
                null, now())).with("account", LOYVERSE_ACCOUNT).with("created_at", now()).body();
        byte[] badAmount = new String(noAmount, StandardCharsets.UTF_8).replace("\"total_money\": 10.00",
                "\"total_money\": \"ten\"").getBytes(StandardCharsets.UTF_8);

        for (byte[] body : List.of(notJson, noReceipts, badAmount)) {
            Delivery answer = loyverse().sendSigned(body, "application/json");
            assertThat(answer.status()).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(400);
            assertThat(answer.body()).contains("\"code\":\"malformed-body\"");
        }
        assertThat(fixture.count("webhook_event")).isEqualTo(before);
    }

    // ---- Lightspeed X-Series

    @Test
    void aClosedLightspeedSaleIsCreditedOnceOnItsCustomersCodeAndAResendIsACopy() {
        String card = card();
        String sale = UUID.randomUUID().toString();

        Delivery first = lightspeed().lightspeed("sale.update", WebhookTill.lightspeedSale(sale, "CLOSED", 12345, "EUR",
                card, now()));
        awaitStatus("lightspeed", "sale:" + sale + ":CLOSED", WebhookEvent.Status.CREDITED);
        Delivery again = lightspeed().lightspeed("sale.update", WebhookTill.lightspeedSale(sale, "CLOSED", 12345, "EUR",
                card, now()));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("\"status\":\"received\"");
        assertThat(again.body()).contains("\"status\":\"copy\"").contains("\"result\":\"credited\"");
        assertThat(fixture.balanceOf(card)).isEqualTo(123);
    }

    @Test
    void aLightspeedSalesTaxExclusiveFiveDecimalTotalsAreAddedAndRoundedToCents() {
        String card = card();
        String sale = UUID.randomUUID().toString();

        lightspeed().lightspeed("sale.update", WebhookTill.lightspeedSale(sale, "CLOSED", 0, "EUR", card, now())
                .with("total_price", "43.47826").with("total_tax", "6.52174"));

        awaitStatus("lightspeed", "sale:" + sale + ":CLOSED", WebhookEvent.Status.CREDITED);
        assertThat(events().find(m.id(), "lightspeed", "sale:" + sale + ":CLOSED").orElseThrow().transaction().amount()
                .minorUnits()).isEqualTo(5000);
        assertThat(fixture.balanceOf(card)).isEqualTo(50);
    }

    @Test
    void aLightspeedReturnIsARefundOnTheSaleItNamesAndAVoidedSaleIsUndone() {
        String card = card();
        String sale = UUID.randomUUID().toString();
        String voided = UUID.randomUUID().toString();
        String ret = UUID.randomUUID().toString();
        lightspeed().lightspeed("sale.update", WebhookTill.lightspeedSale(sale, "CLOSED", 12345, "EUR", card, now()));
        lightspeed().lightspeed("sale.update", WebhookTill.lightspeedSale(voided, "CLOSED", 5000, "EUR", card, now()));
        awaitStatus("lightspeed", "sale:" + sale + ":CLOSED", WebhookEvent.Status.CREDITED);
        awaitStatus("lightspeed", "sale:" + voided + ":CLOSED", WebhookEvent.Status.CREDITED);

        Delivery returned = lightspeed().lightspeed("sale.update", WebhookTill.lightspeedSale(ret, "CLOSED", -4000, "EUR",
                card, now()).json("return_for", sale).with("quantity", -1));
        Delivery unlinked = lightspeed().lightspeed("sale.update", WebhookTill.lightspeedSale(UUID.randomUUID().toString(),
                "CLOSED", -1000, "EUR", card, now()));
        Delivery voiding = lightspeed().lightspeed("sale.update", WebhookTill.lightspeedSale(voided, "VOIDED", 5000, "EUR",
                card, now()));

        assertThat(returned.status()).isEqualTo(200);
        assertThat(voiding.status()).isEqualTo(200);
        assertThat(unlinked.body()).contains("\"result\":\"ignored\"").contains("return names no sale");
        awaitStatus("lightspeed", "sale:" + ret + ":CLOSED", WebhookEvent.Status.CREDITED);
        awaitStatus("lightspeed", "sale:" + voided + ":VOIDED", WebhookEvent.Status.CREDITED);
        assertThat(fixture.balanceOf(card)).isEqualTo(84);
    }

    @Test
    void lightspeedSalesNotYetPaidAndOtherWebhookTypesAreAcknowledgedAndIgnored() {
        String sale = UUID.randomUUID().toString();
        List<Delivery> answers = new java.util.ArrayList<>();
        for (String status : List.of("OPEN", "SAVED", "LAYBY", "ONACCOUNT")) {
            answers.add(lightspeed().lightspeed("sale.update", WebhookTill.lightspeedSale(sale, status, 1000, "EUR",
                    card(), now())));
        }
        Delivery product = lightspeed().lightspeed("product.update", WebhookExamples.lightspeedSale()
                .with("sale_id", UUID.randomUUID()).with("total_price", 1).with("total_tax", 0).with("sale_date", "x"));

        assertThat(answers).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body()).contains("\"result\":\"ignored\"").contains("is not a completed sale");
        });
        assertThat(product.body()).contains("\"result\":\"ignored\"").contains("webhook type not used for points");
        assertThat(events().find(m.id(), "lightspeed", "sale:" + sale + ":LAYBY").orElseThrow().status())
                .isEqualTo(WebhookEvent.Status.IGNORED);
    }

    @Test
    void lightspeedSignaturesAreHmacSha256OfTheRawFormBodyUnderTheNamedAlgorithm() {
        byte[] body = WebhookExamples.lightspeedForm("sale.update", DOMAIN_PREFIX, WebhookTill.lightspeedSale(
                UUID.randomUUID().toString(), "CLOSED", 1000, "EUR", card(), now()).body());
        byte[] mac = WebhookSignatures.hmac("HmacSHA256", LIGHTSPEED_SECRET, body);
        long before = fixture.count("webhook_event");

        Delivery missing = lightspeed().post(body, Map.of(), "application/x-www-form-urlencoded");
        Delivery wrongKey = signedLightspeed(body, "signature=" + HexFormat.of().formatHex(
                WebhookSignatures.hmac("HmacSHA256", OTHER_LOYVERSE_SECRET, body)) + ",algorithm=HMAC-SHA256");
        Delivery otherAlgorithm = signedLightspeed(body, "signature=" + HexFormat.of().formatHex(mac) + ",algorithm=HMAC-SHA1");
        Delivery noAlgorithm = signedLightspeed(body, "signature=" + HexFormat.of().formatHex(mac));
        assertThat(fixture.count("webhook_event")).isEqualTo(before);
        Delivery base64 = signedLightspeed(body, "signature=" + Base64.getEncoder().encodeToString(mac)
                + ", algorithm=HMAC-SHA256");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body()).contains("\"code\":\"signature-missing\"");
        assertThat(List.of(wrongKey, otherAlgorithm, noAlgorithm)).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(401);
            assertThat(a.body()).contains("\"code\":\"signature-mismatch\"");
        });
        assertThat(base64.status()).isEqualTo(200);
    }

    @Test
    void lightspeedDeliveriesFromAnotherRetailerOrMalformedAreRefusedWithACode() {
        long before = fixture.count("webhook_event");
        byte[] payload = WebhookTill.lightspeedSale(UUID.randomUUID().toString(), "CLOSED", 1000, "EUR", card(), now())
                .body();

        Delivery otherRetailer = new WebhookTill(URI.create(fixture.baseUrl()), "lightspeed", m.code(), LIGHTSPEED_SECRET,
                null, "someoneelse").lightspeed("sale.update", WebhookTill.lightspeedSale(UUID.randomUUID().toString(),
                "CLOSED", 1000, "EUR", card(), now()));
        Delivery noPayload = lightspeed().sendSigned("type=sale.update&domain_prefix=pagesandco".getBytes(
                StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
        Delivery badEscape = lightspeed().sendSigned("type=sale.update&payload=%zz".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
        Delivery notJson = lightspeed().sendSigned(WebhookExamples.lightspeedForm("sale.update", DOMAIN_PREFIX,
                "{\"id\":".getBytes(StandardCharsets.UTF_8)), "application/x-www-form-urlencoded");
        Delivery noType = lightspeed().sendSigned(("domain_prefix=pagesandco&payload=" + java.net.URLEncoder.encode(
                new String(payload, StandardCharsets.UTF_8), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");

        assertThat(otherRetailer.status()).isEqualTo(403);
        assertThat(otherRetailer.body()).contains("\"code\":\"other-account\"");
        assertThat(List.of(noPayload, badEscape, notJson)).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.body()).contains("\"code\":\"malformed-body\"");
        });
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.body()).contains("\"code\":\"missing-event-type\"");
        assertThat(fixture.count("webhook_event")).isEqualTo(before);
    }

    @Test
    void noCardNumberIsStoredForACustomerOrASaleOnlyItsTokenAndLastFour() throws SQLException {
        String card = card();
        String customer = UUID.randomUUID().toString();
        loyverse().loyverseCustomer(customer, card, "ann@example.com", now());
        String sale = UUID.randomUUID().toString();
        lightspeed().lightspeed("sale.update", WebhookTill.lightspeedSale(sale, "CLOSED", 1000, "EUR", card, now()));
        awaitStatus("lightspeed", "sale:" + sale + ":CLOSED", WebhookEvent.Status.CREDITED);

        String everything = dump("webhook_event") + dump("webhook_customer_card");
        assertThat(everything).doesNotContain(card).doesNotContain("ann@example.com")
                .contains(fixture.hub().cardReader().read(card).token().hash()).contains(customer);
    }

    private String dump(String table) throws SQLException {
        StringBuilder everything = new StringBuilder();
        try (Connection c = fixture.hub().database().connection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    everything.append(rs.getString(i)).append('|');
                }
            }
            c.rollback();
        }
        return everything.toString();
    }

    private Delivery signedLightspeed(byte[] body, String signature) {
        return lightspeed().post(body, Map.of("X-Signature", signature), "application/x-www-form-urlencoded");
    }

    private void awaitStatus(String provider, String event, WebhookEvent.Status status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> events().find(m.id(), provider, event)
                .map(WebhookEvent::status).orElse(null) == status);
    }

    private WebhookTill loyverse() {
        return new WebhookTill(URI.create(fixture.baseUrl()), "loyverse", m.code(), LOYVERSE_SECRET, null, LOYVERSE_ACCOUNT);
    }

    private WebhookTill lightspeed() {
        return new WebhookTill(URI.create(fixture.baseUrl()), "lightspeed", m.code(), LIGHTSPEED_SECRET, null, DOMAIN_PREFIX);
    }

    private StoreId store(Merchant merchant) {
        return new StoreId(fixture.queryLong("SELECT id FROM store WHERE merchant_id = ?", merchant.id().value()));
    }

    private TerminalId till(Merchant merchant) {
        return new TerminalId(fixture.queryLong("SELECT id FROM terminal WHERE merchant_id = ?", merchant.id().value()));
    }

    private WebhookEvents events() {
        return new WebhookEvents(fixture.hub().database());
    }

    private WebhookConnections connections() {
        return new WebhookConnections(fixture.hub().database(), HubKeys.open(fixture.hub().settings()).masterKey(),
                Clock.systemUTC());
    }

    private static String receiptNumber() {
        return "1-" + SERIAL.incrementAndGet();
    }

    private static String card() {
        return HubFixture.card(SERIAL.incrementAndGet());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
