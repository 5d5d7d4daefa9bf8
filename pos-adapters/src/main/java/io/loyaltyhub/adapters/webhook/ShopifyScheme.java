package io.loyaltyhub.adapters.webhook;

import java.util.List;
import java.util.function.UnaryOperator;

/** Shopify: see {@link WebhookSignatures#shopify} and {@link ShopifyEvents}. */
final class ShopifyScheme implements ProviderScheme {

    @Override
    public String signatureHeader() {
        return WebhookSignatures.SHOPIFY_HEADER;
    }

    @Override
    public boolean verify(byte[] secret, String notificationUrl, byte[] rawBody, String headerValue) {
        return WebhookSignatures.matches(sign(secret, notificationUrl, rawBody), headerValue);
    }

    @Override
    public String sign(byte[] secret, String notificationUrl, byte[] rawBody) {
        return WebhookSignatures.shopify(secret, rawBody);
    }

    @Override
    public List<ProviderEvent> read(byte[] rawBody, UnaryOperator<String> header, String currency) {
        return List.of(ShopifyEvents.read(rawBody, header.apply("X-Shopify-Topic"), header.apply("X-Shopify-Webhook-Id"),
                header.apply("X-Shopify-Shop-Domain")));
    }
}
