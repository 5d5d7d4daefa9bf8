package io.loyaltyhub.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.adapters.webhook.ProviderEvent.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loyverse's signature (checked against openssl) and its example receipts and customers read for points. */
class LoyverseSchemeTest {
    private static final ProviderScheme LOYVERSE = WebhookProvider.LOYVERSE.scheme();
    private static final byte[] SECRET = "lv-secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ITEMS = "{\"merchant_id\":\"m1\",\"type\":\"items.update\",\"created_at\":\"2026-12-03T10:00:00Z\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final String AT = "2026-12-03T10:00:00.000Z";

    @Test
    void theSignatureIsHmacSha1OfTheRawBodyInHexOrBase64() {
        // printf '%s' "$body" | openssl dgst -sha1 -hmac lv-secret [-binary | base64]
        assertThat(LOYVERSE.signatureHeader()).isEqualTo("X-Loyverse-Signature");
        assertThat(LOYVERSE.sign(SECRET, null, ITEMS)).isEqualTo("e3224be269612d973806d864242b430b53746301");
        assertThat(LOYVERSE.verify(SECRET, null, ITEMS, "e3224be269612d973806d864242b430b53746301")).isTrue();
        assertThat(LOYVERSE.verify(SECRET, null, ITEMS, "E3224BE269612D973806D864242B430B53746301")).isTrue();
        assertThat(LOYVERSE.verify(SECRET, null, ITEMS, "4yJL4mlhLZc4BthkJCtDC1N0YwE=")).isTrue();
        assertThat(LOYVERSE.verify(SECRET, null, ITEMS, "e3224be269612d973806d864242b430b53746300")).isFalse();
        assertThat(LOYVERSE.verify("other".getBytes(StandardCharsets.UTF_8), null, ITEMS,
                "e3224be269612d973806d864242b430b53746301")).isFalse();
        assertThat(LOYVERSE.verify(SECRET, null, ITEMS, "not a signature")).isFalse();
    }

    @Test
    void everyReceiptOfADeliveryIsItsOwnEventKeyedByItsReceiptNumber() {
        byte[] body = WebhookExamples.loyverseReceipts(receipt("1-1001", "SALE", "25.50").json("customer_id", "cust-1"),
                receipt("1-1002", "REFUND", "5.00").json("refund_for", "1-1001"),
                receipt("1-1000", "SALE", "8.00").json("cancelled_at", AT)).with("account", "m1").with("created_at", AT).body();

        List<ProviderEvent> events = LOYVERSE.read(body, name -> null, "EUR");

        assertThat(events).extracting(ProviderEvent::eventId)
                .containsExactly("receipt:1-1001", "receipt:1-1002", "receipt:1-1000:cancelled");
        assertThat(events).extracting(ProviderEvent::kind).containsExactly(Kind.SALE, Kind.REFUND, Kind.CANCELLATION);
        assertThat(events.get(0).amount().minorUnits()).isEqualTo(2550);
        assertThat(events.get(0).ref().value()).isEqualTo("lv-1-1001");
        assertThat(events.get(0).customerRef()).isEqualTo("cust-1");
        assertThat(events.get(0).account()).isEqualTo("m1");
        assertThat(events.get(0).signedAt()).hasToString("2026-12-03T10:00Z");
        assertThat(events.get(1).original().value()).isEqualTo("lv-1-1001");
        assertThat(events.get(1).amount().minorUnits()).isEqualTo(500);
        assertThat(events.get(2).original().value()).isEqualTo("lv-1-1000");
        assertThat(events.get(2).ref().value()).isEqualTo("lvc-1-1000");
    }

    @Test
    void aCustomerRecordCarriesItsCodeEmailAndPhoneAsClues() {
        byte[] body = WebhookExamples.loyverseCustomer().with("account", "m1").with("created_at", AT)
                .with("customer_id", "cust-1").json("customer_code", "6280000000001238").json("email", "ann@example.com")
                .json("phone", "+44 7700 900123").body();

        ProviderEvent customer = LOYVERSE.read(body, name -> null, "EUR").get(0);

        assertThat(customer.kind()).isEqualTo(Kind.CUSTOMER);
        assertThat(customer.customerRef()).isEqualTo("cust-1");
        assertThat(customer.eventId()).startsWith("customer:cust-1:2026-12-03T10:00");
        assertThat(customer.clues().cardTexts()).containsExactly("6280000000001238");
        assertThat(customer.clues().email()).isEqualTo("ann@example.com");
        assertThat(customer.clues().phone()).isEqualTo("+44 7700 900123");
        assertThat(customer.toString()).doesNotContain("6280000000001238");
    }

    @Test
    void refundsWithoutTheirSaleCancelledRefundsAndOtherTypesAreIgnored() {
        byte[] body = WebhookExamples.loyverseReceipts(receipt("1-2", "REFUND", "1.00"),
                receipt("1-3", "REFUND", "1.00").json("refund_for", "1-1").json("cancelled_at", AT))
                .with("account", "m1").with("created_at", AT).body();

        List<ProviderEvent> events = LOYVERSE.read(body, name -> null, "EUR");

        assertThat(events).extracting(ProviderEvent::kind).containsOnly(Kind.IGNORED);
        assertThat(events.get(0).ignoredBecause()).contains("names no sale");
        assertThat(LOYVERSE.read(ITEMS, name -> null, "EUR").get(0).ignoredBecause()).isEqualTo("webhook type not used for points");
        assertThat(LOYVERSE.read(ITEMS, name -> null, "EUR").get(0).eventId()).startsWith("items_update:");
    }

    @Test
    void malformedReceiptsAndAConnectionWithoutCurrencyAreRefused() {
        byte[] sale = WebhookExamples.loyverseReceipts(receipt("1-4", "SALE", "1.00")).with("account", "m1")
                .with("created_at", AT).body();

        assertThatThrownBy(() -> LOYVERSE.read(sale, name -> null, null)).isInstanceOf(InputRejected.class)
                .hasFieldOrPropertyWithValue("code", "unknown-currency");
        assertThatThrownBy(() -> LOYVERSE.read(new String(sale, StandardCharsets.UTF_8).replace("1-4", "1 4")
                .getBytes(StandardCharsets.UTF_8), name -> null, "EUR")).isInstanceOf(InputRejected.class)
                .hasFieldOrPropertyWithValue("code", "malformed-body");
        assertThatThrownBy(() -> LOYVERSE.read("[]".getBytes(StandardCharsets.UTF_8), name -> null, "EUR"))
                .isInstanceOf(InputRejected.class).hasFieldOrPropertyWithValue("code", "malformed-body");
    }

    private static WebhookExamples receipt(String number, String type, String total) {
        return WebhookExamples.loyverseReceipt().with("receipt_number", number).with("receipt_type", type)
                .with("total_money", total).with("created_at", AT);
    }
}
