package io.loyaltyhub.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.adapters.webhook.ProviderEvent.Kind;
import org.junit.jupiter.api.Test;

/** Shopify's example bodies (resources examples/, sources in their README) read for points. */
class ShopifyEventsTest {
    private static final String SHOP = "example.myshopify.com";

    static WebhookExamples paid() {
        return WebhookExamples.shopifyOrderPaid().with("order_id", "820982911946154508")
                .with("created_at", "2026-11-23T10:15:30+01:00").with("currency", "EUR").with("total_price", "123.45");
    }

    @Test
    void aPaidOrderIsASaleOfItsTotalInMinorUnits() {
        ProviderEvent event = ShopifyEvents.read(paid().with("attribute_name", "Loyalty card")
                .json("attribute_value", "6280000000001238").json("phone", "+49 151 1234567").body(),
                "orders/paid", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", SHOP);

        assertThat(event.kind()).isEqualTo(Kind.SALE);
        assertThat(event.eventId()).isEqualTo("b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
        assertThat(event.account()).isEqualTo(SHOP);
        assertThat(event.signedAt()).isNull();
        assertThat(event.ref().value()).isEqualTo("sh-820982911946154508");
        assertThat(event.amount().minorUnits()).isEqualTo(12345);
        assertThat(event.occurredAt()).hasToString("2026-11-23T10:15:30+01:00");
        assertThat(event.clues().cardTexts()).containsExactly("6280000000001238");
        assertThat(event.clues().email()).isEqualTo("jon@example.com");
        assertThat(event.clues().phone()).isEqualTo("+49 151 1234567");
    }

    @Test
    void aNoteAttributeNotAboutLoyaltyIsNoCardClueButTheNotesAre() {
        ProviderEvent event = ShopifyEvents.read(paid().json("note", "card 6280000000001238").body(), "orders/paid", "w1", SHOP);

        assertThat(event.clues().cardTexts()).containsExactly("card 6280000000001238");
    }

    @Test
    void aRefundSumsItsSuccessfulRefundTransactionsOnTheOrder() {
        ProviderEvent event = ShopifyEvents.read(WebhookExamples.shopifyRefund().with("refund_id", "509562969")
                .with("order_id", "820982911946154508").with("created_at", "2026-11-24T10:00:00+01:00")
                .with("amount", "40.00").with("currency", "EUR").body(), "refunds/create", "w2", SHOP);

        assertThat(event.kind()).isEqualTo(Kind.REFUND);
        assertThat(event.ref().value()).isEqualTo("shr-509562969");
        assertThat(event.original().value()).isEqualTo("sh-820982911946154508");
        assertThat(event.amount().minorUnits()).isEqualTo(4000);
    }

    @Test
    void aRefundThatGaveNoMoneyBackIsIgnored() {
        ProviderEvent event = ShopifyEvents.read(WebhookExamples.shopifyRefund().with("refund_id", "509562969")
                .with("order_id", "1").with("created_at", "2026-11-24T10:00:00+01:00").with("amount", "40.00")
                .with("currency", "EUR").with("status", "failure").body(), "refunds/create", "w3", SHOP);

        assertThat(event.kind()).isEqualTo(Kind.IGNORED);
        assertThat(event.ignoredBecause()).isEqualTo("refund gives no money back");
    }

    @Test
    void aCancelledOrderUndoesItsSaleUnlessItWasRefunded() {
        WebhookExamples cancelled = WebhookExamples.shopifyOrderCancelled().with("order_id", "820982911946154508")
                .with("created_at", "2026-11-24T10:00:00+01:00").with("currency", "EUR").with("total_price", "123.45");

        ProviderEvent voided = ShopifyEvents.read(cancelled.body(), "orders/cancelled", "w4", SHOP);
        ProviderEvent refunded = ShopifyEvents.read(cancelled.with("refunds", "[{\"id\":1}]").body(), "orders/cancelled", "w5", SHOP);

        assertThat(voided.kind()).isEqualTo(Kind.CANCELLATION);
        assertThat(voided.original().value()).isEqualTo("sh-820982911946154508");
        assertThat(voided.ref().value()).isEqualTo("shc-820982911946154508");
        assertThat(voided.amount().isZero()).isTrue();
        assertThat(refunded.kind()).isEqualTo(Kind.IGNORED);
    }

    @Test
    void otherTopicsAreIgnoredAndMissingHeadersRefused() {
        assertThat(ShopifyEvents.read(paid().body(), "orders/create", "w6", SHOP).kind()).isEqualTo(Kind.IGNORED);
        assertThatThrownBy(() -> ShopifyEvents.read(paid().body(), "orders/paid", null, SHOP))
                .isInstanceOf(InputRejected.class).extracting(e -> ((InputRejected) e).code()).isEqualTo("missing-event-id");
        assertThatThrownBy(() -> ShopifyEvents.read(paid().body(), null, "w7", SHOP))
                .isInstanceOf(InputRejected.class).extracting(e -> ((InputRejected) e).code()).isEqualTo("missing-event-type");
        assertThatThrownBy(() -> ShopifyEvents.read(paid().with("total_price", "12.345").body(), "orders/paid", "w8", SHOP))
                .isInstanceOf(InputRejected.class).extracting(e -> ((InputRejected) e).code()).isEqualTo("malformed-body");
    }
}
