package io.loyaltyhub.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {
    private static final byte[] HELLO = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);

    /** Square's own example (developer.squareup.com/docs/webhooks/step3validate), checked with openssl too. */
    @Test
    void squareSignsTheNotificationUrlFollowedByTheBody() {
        String signature = WebhookSignatures.square("asdf1234".getBytes(StandardCharsets.UTF_8),
                "https://example.com/webhook", HELLO);

        assertThat(signature).isEqualTo("2kRE5qRU2tR+tBGlDwMEw2avJ7QM4ikPYD/PJ3bd9Og=");
    }

    /** printf '{"hello":"world"}' | openssl dgst -sha256 -hmac hush -binary | base64 */
    @Test
    void shopifySignsTheRawBodyAlone() {
        assertThat(WebhookSignatures.shopify("hush".getBytes(StandardCharsets.UTF_8), HELLO))
                .isEqualTo("0qgAiZj+St/dOktwfRHyqrd5hPy1tVi7miu0TOYKc3s=");
    }

    @Test
    void onlyTheSameSignatureMatches() {
        String expected = WebhookSignatures.shopify("hush".getBytes(StandardCharsets.UTF_8), HELLO);

        assertThat(WebhookSignatures.matches(expected, expected)).isTrue();
        assertThat(WebhookSignatures.matches(expected, " " + expected + " ")).isTrue();
        assertThat(WebhookSignatures.matches(expected, WebhookSignatures.shopify("other".getBytes(StandardCharsets.UTF_8), HELLO)))
                .isFalse();
        assertThat(WebhookSignatures.matches(expected, null)).isFalse();
        assertThat(WebhookSignatures.matches(expected, "not base64 at all!")).isFalse();
        assertThat(WebhookSignatures.matches(expected, "")).isFalse();
    }
}
