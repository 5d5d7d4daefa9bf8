package io.loyaltyhub.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.adapters.webhook.ProviderEvent.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Square's example bodies (resources examples/, sources in their README) read for points. */
class SquareEventsTest {
    private static final String PAYMENT = "KkAkhdMsgzn59SM8A89WgKwekxLZY";

    static WebhookExamples payment(String status) {
        return WebhookExamples.squarePayment().with("account", "6SSW7HV8K2ST5")
                .with("event_id", "6a8f5f28-54a1-4eb0-a98a-3111513fd4fc").with("created_at", "2020-02-06T21:27:34.308Z")
                .with("payment_id", PAYMENT).with("amount", 12345).with("currency", "EUR").with("status", status);
    }

    @Test
    void aCompletedPaymentIsASaleOfItsAmountReferencedByThePayment() {
        ProviderEvent event = SquareEvents.read(payment("COMPLETED").json("note", "loyalty 6280000000001238")
                .json("email", "ann@example.com").body());

        assertThat(event.kind()).isEqualTo(Kind.SALE);
        assertThat(event.eventId()).isEqualTo("6a8f5f28-54a1-4eb0-a98a-3111513fd4fc");
        assertThat(event.account()).isEqualTo("6SSW7HV8K2ST5");
        assertThat(event.signedAt()).hasToString("2020-02-06T21:27:34.308Z");
        assertThat(event.ref().value()).isEqualTo("sq-" + PAYMENT);
        assertThat(event.amount().minorUnits()).isEqualTo(12345);
        assertThat(event.amount().currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(event.clues().cardTexts()).containsExactly("loyalty 6280000000001238");
        assertThat(event.clues().email()).isEqualTo("ann@example.com");
        assertThat(event.toString()).doesNotContain("6280000000001238");
        assertThat(event.clues().toString()).doesNotContain("6280000000001238").doesNotContain("ann@");
    }

    @Test
    void aPaymentNotCompletedIsIgnoredWithItsStatus() {
        ProviderEvent event = SquareEvents.read(payment("APPROVED").body());

        assertThat(event.kind()).isEqualTo(Kind.IGNORED);
        assertThat(event.ignoredBecause()).isEqualTo("payment not completed (APPROVED)");
    }

    @Test
    void aCompletedRefundIsARefundOfThePaymentUnderAReferenceThatFits() {
        String refundId = PAYMENT + "_ptNBVqHYxt5gAdfcobBe4u1AZsXhoz06KTtuq9Ls24P";
        byte[] body = WebhookExamples.squareRefund().with("account", "6SSW7HV8K2ST5").with("event_id", "bc316346-6691")
                .with("created_at", "2020-02-06T21:27:41.852Z").with("refund_id", refundId).with("payment_id", PAYMENT)
                .with("amount", 4000).with("currency", "EUR").body();

        ProviderEvent event = SquareEvents.read(body);

        assertThat(event.kind()).isEqualTo(Kind.REFUND);
        assertThat(event.original().value()).isEqualTo("sq-" + PAYMENT);
        assertThat(event.ref().value()).startsWith("sqr-h").hasSize(4 + 1 + 32);
        assertThat(SquareEvents.read(body).ref()).isEqualTo(event.ref());
        assertThat(event.amount().minorUnits()).isEqualTo(4000);
    }

    @Test
    void otherEventTypesAreIgnored() {
        ProviderEvent event = SquareEvents.read(("{\"merchant_id\":\"M\",\"type\":\"customer.created\",\"event_id\":\"e1\","
                + "\"created_at\":\"2026-01-01T00:00:00Z\",\"data\":{}}").getBytes(StandardCharsets.UTF_8));

        assertThat(event.kind()).isEqualTo(Kind.IGNORED);
        assertThat(event.ignoredBecause()).isEqualTo("event type not used for points");
    }

    @Test
    void aBodyThatIsNotSquaresShapeIsRefusedAsMalformed() {
        assertThatThrownBy(() -> SquareEvents.read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InputRejected.class).extracting(e -> ((InputRejected) e).code()).isEqualTo("malformed-body");
        assertThatThrownBy(() -> SquareEvents.read("{\"type\":\"payment.updated\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InputRejected.class).extracting(e -> ((InputRejected) e).code()).isEqualTo("malformed-body");
        assertThatThrownBy(() -> SquareEvents.read(payment("COMPLETED").with("amount", "12.5").body()))
                .isInstanceOf(InputRejected.class).extracting(e -> ((InputRejected) e).code()).isEqualTo("malformed-body");
    }
}
