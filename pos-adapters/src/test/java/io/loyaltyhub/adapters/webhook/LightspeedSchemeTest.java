package io.loyaltyhub.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.adapters.webhook.ProviderEvent.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Lightspeed X-Series' signature (checked against openssl) and its example sale payload read for points. */
class LightspeedSchemeTest {
    private static final ProviderScheme LIGHTSPEED = WebhookProvider.LIGHTSPEED.scheme();
    private static final byte[] SECRET = "ls-secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FORM = "type=customer.update&domain_prefix=shop&payload=%7B%22id%22%3A%221%22%7D"
            .getBytes(StandardCharsets.UTF_8);
    private static final String HEX = "4ac40d421928efe97a2ec32388040f31c9abf488a0783f325f853799f3b1c51c";

    @Test
    void theSignatureIsHmacSha256OfTheRawFormBodyUnderTheNamedAlgorithmInHexOrBase64() {
        // printf '%s' "$body" | openssl dgst -sha256 -hmac ls-secret [-binary | base64]
        assertThat(LIGHTSPEED.signatureHeader()).isEqualTo("X-Signature");
        assertThat(LIGHTSPEED.sign(SECRET, null, FORM)).isEqualTo("signature=" + HEX + ",algorithm=HMAC-SHA256");
        assertThat(LIGHTSPEED.verify(SECRET, null, FORM, "signature=" + HEX + ",algorithm=HMAC-SHA256")).isTrue();
        assertThat(LIGHTSPEED.verify(SECRET, null, FORM,
                "signature=SsQNQhko7+l6LsMjiAQPMcmr9IigeD8yX4U3mfOxxRw=, algorithm=HMAC-SHA256")).isTrue();
        assertThat(LIGHTSPEED.verify(SECRET, null, FORM, "algorithm=hmac-sha256,signature=" + HEX)).isTrue();
        assertThat(LIGHTSPEED.verify(SECRET, null, FORM, "signature=" + HEX)).isFalse();
        assertThat(LIGHTSPEED.verify(SECRET, null, FORM, "signature=" + HEX + ",algorithm=HMAC-SHA1")).isFalse();
        assertThat(LIGHTSPEED.verify(SECRET, null, FORM, HEX)).isFalse();
        assertThat(LIGHTSPEED.verify("other".getBytes(StandardCharsets.UTF_8), null, FORM,
                "signature=" + HEX + ",algorithm=HMAC-SHA256")).isFalse();
    }

    @Test
    void aClosedSaleIsASaleOfItsTotalWithTaxWithTheCustomersCodeAsCardClue() {
        ProviderEvent sale = LIGHTSPEED.read(form("sale.update", sale("CLOSED", "43.47826", "6.52174")
                .json("customer_code", "6280000000001238").json("email", "ann@example.com")), name -> null, "NZD").get(0);

        assertThat(sale.kind()).isEqualTo(Kind.SALE);
        assertThat(sale.eventId()).isEqualTo("sale:b1c2d3e4-0000-11e9-a1b2-c3d4e5f60001:CLOSED");
        assertThat(sale.account()).isEqualTo("shop");
        assertThat(sale.ref().value()).isEqualTo("ls-b1c2d3e4-0000-11e9-a1b2-c3d4e5f60001");
        assertThat(sale.amount().minorUnits()).isEqualTo(5000);
        assertThat(sale.amount().currency().getCurrencyCode()).isEqualTo("NZD");
        assertThat(sale.occurredAt()).hasToString("2026-12-03T10:15:30Z");
        assertThat(sale.clues().cardTexts()).containsExactly("6280000000001238");
        assertThat(sale.clues().email()).isEqualTo("ann@example.com");
    }

    @Test
    void aReturnIsARefundOnTheSaleItNamesAndAVoidedSaleItsCancellation() {
        ProviderEvent ret = LIGHTSPEED.read(form("sale.update", sale("CLOSED", "-10.00", "-1.50")
                .json("return_for", "a0000000-0000-11e9-a1b2-c3d4e5f60009")), name -> null, "NZD").get(0);
        ProviderEvent voided = LIGHTSPEED.read(form("sale.update", sale("VOIDED", "10.00", "1.50")), name -> null, "NZD").get(0);
        ProviderEvent unlinked = LIGHTSPEED.read(form("sale.update", sale("CLOSED", "-10.00", "-1.50")), name -> null, "NZD").get(0);

        assertThat(ret.kind()).isEqualTo(Kind.REFUND);
        assertThat(ret.amount().minorUnits()).isEqualTo(1150);
        assertThat(ret.original().value()).isEqualTo("ls-a0000000-0000-11e9-a1b2-c3d4e5f60009");
        assertThat(voided.kind()).isEqualTo(Kind.CANCELLATION);
        assertThat(voided.original().value()).isEqualTo("ls-b1c2d3e4-0000-11e9-a1b2-c3d4e5f60001");
        assertThat(voided.eventId()).endsWith(":VOIDED");
        assertThat(unlinked.kind()).isEqualTo(Kind.IGNORED);
    }

    @Test
    void salesNotCompletedAndOtherTypesAreIgnored() {
        for (String status : new String[] {"OPEN", "SAVED", "LAYBY", "ONACCOUNT", "ONACCOUNT_CLOSED"}) {
            ProviderEvent event = LIGHTSPEED.read(form("sale.update", sale(status, "1.00", "0")), name -> null, "NZD").get(0);
            assertThat(event.kind()).as(status).isEqualTo(Kind.IGNORED);
            assertThat(event.ignoredBecause()).contains(status);
        }
        assertThat(LIGHTSPEED.read(FORM, name -> null, "NZD").get(0).ignoredBecause()).isEqualTo("webhook type not used for points");
    }

    @Test
    void aBodyThatIsNotTheDocumentedFormIsRefused() {
        assertThatThrownBy(() -> LIGHTSPEED.read("type=sale.update&domain_prefix=shop".getBytes(StandardCharsets.UTF_8),
                name -> null, "NZD")).isInstanceOf(InputRejected.class).hasFieldOrPropertyWithValue("code", "malformed-body");
        assertThatThrownBy(() -> LIGHTSPEED.read("payload=%7B%7D&payload=%7B%7D&type=sale.update".getBytes(StandardCharsets.UTF_8),
                name -> null, "NZD")).isInstanceOf(InputRejected.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> LIGHTSPEED.read("payload=%7B%7D".getBytes(StandardCharsets.UTF_8), name -> null, "NZD"))
                .isInstanceOf(InputRejected.class).hasFieldOrPropertyWithValue("code", "missing-event-type");
        assertThatThrownBy(() -> LIGHTSPEED.read(form("sale.update", sale("CLOSED", "1.00", "0")), name -> null, null))
                .isInstanceOf(InputRejected.class).hasFieldOrPropertyWithValue("code", "unknown-currency");
    }

    private static WebhookExamples sale(String status, String price, String tax) {
        return WebhookExamples.lightspeedSale().with("sale_id", "b1c2d3e4-0000-11e9-a1b2-c3d4e5f60001").with("status", status)
                .with("total_price", price).with("total_tax", tax).with("sale_date", "2026-12-03 10:15:30");
    }

    private static byte[] form(String type, WebhookExamples payload) {
        return WebhookExamples.lightspeedForm(type, "shop", payload.body());
    }
}
