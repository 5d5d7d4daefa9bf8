package io.loyaltyhub.adapters.webhook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The cloud POS providers whose webhooks the hub knows of (docs/webhooks.md). Only those whose signature scheme their
 * own documentation establishes are {@linkplain #verifiable() taken}: for the others the hub refuses every delivery
 * rather than accept unverified money events, or guess at a scheme.
 */
public enum WebhookProvider {
    /** HMAC-SHA256 of notification URL + raw body, base64, in {@code x-square-hmacsha256-signature}. */
    SQUARE(true),
    /** HMAC-SHA256 of the raw body, base64, in {@code X-Shopify-Hmac-Sha256}. */
    SHOPIFY(true),
    /** {@code X-Loyverse-Signature}: the documentation names the header but not the algorithm or encoding. */
    LOYVERSE(false),
    /** Lightspeed Retail (X-Series): the webhook documentation describes the payload, not a signature. */
    LIGHTSPEED(false);

    private final boolean verifiable;

    WebhookProvider(boolean verifiable) {
        this.verifiable = verifiable;
    }

    /** The provider's name in URLs, settings and the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean verifiable() {
        return verifiable;
    }

    public static Optional<WebhookProvider> byCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
    }
}
