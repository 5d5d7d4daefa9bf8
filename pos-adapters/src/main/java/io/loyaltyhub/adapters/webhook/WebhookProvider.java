package io.loyaltyhub.adapters.webhook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The cloud POS providers whose webhooks the hub takes (docs/webhooks.md), each with its {@link ProviderScheme}:
 * signature and event reading as the provider documents them.
 */
public enum WebhookProvider {
    /** HMAC-SHA256 of notification URL + raw body, base64, in {@code x-square-hmacsha256-signature}. */
    SQUARE,
    /** HMAC-SHA256 of the raw body, base64, in {@code X-Shopify-Hmac-Sha256}. */
    SHOPIFY,
    /** HMAC-SHA1 of the raw body, hex or base64, in {@code X-Loyverse-Signature}. */
    LOYVERSE,
    /** Lightspeed Retail (X-Series): HMAC-SHA256 of the raw form body, in {@code X-Signature}. */
    LIGHTSPEED;

    private static final ProviderScheme SQUARE_SCHEME = new SquareScheme();
    private static final ProviderScheme SHOPIFY_SCHEME = new ShopifyScheme();
    private static final ProviderScheme LOYVERSE_SCHEME = new LoyverseScheme();
    private static final ProviderScheme LIGHTSPEED_SCHEME = new LightspeedScheme();

    /** The provider's name in URLs, settings and the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How the provider signs its deliveries and what they carry. */
    public ProviderScheme scheme() {
        return switch (this) {
            case SQUARE -> SQUARE_SCHEME;
            case SHOPIFY -> SHOPIFY_SCHEME;
            case LOYVERSE -> LOYVERSE_SCHEME;
            case LIGHTSPEED -> LIGHTSPEED_SCHEME;
        };
    }

    /** Whether its amounts name no currency, so that the connection must (Loyverse, Lightspeed). */
    public boolean needsCurrency() {
        return this == LOYVERSE || this == LIGHTSPEED;
    }

    public static Optional<WebhookProvider> byCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
    }
}
