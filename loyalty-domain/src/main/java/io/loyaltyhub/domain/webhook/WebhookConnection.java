package io.loyaltyhub.domain.webhook;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import java.util.Arrays;

/**
 * A merchant's connection to a cloud POS provider: the provider's signing secret (clear here, sealed in the
 * database), the provider account whose events are accepted ({@code accountRef}, null: any), the notification URL the
 * provider signs (Square; null where the provider does not sign it) and the merchant's store and terminal the
 * events are credited as; {@code currency} (ISO 4217) for providers whose amounts name none (Loyverse, Lightspeed),
 * null for the others.
 */
public record WebhookConnection(MerchantId merchant, String provider, StoreId store, TerminalId terminal, String accountRef,
                                String notificationUrl, byte[] secret, String currency) {
    public WebhookConnection {
        if (merchant == null || store == null || terminal == null || secret == null || secret.length == 0) {
            throw new IllegalArgumentException("a webhook connection needs a merchant, a terminal and a secret");
        }
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("a currency is a three-letter ISO 4217 code");
        }
        WebhookEvent.requireProvider(provider);
    }

    /** A connection to a provider whose amounts name their currency (Square, Shopify). */
    public WebhookConnection(MerchantId merchant, String provider, StoreId store, TerminalId terminal, String accountRef,
                             String notificationUrl, byte[] secret) {
        this(merchant, provider, store, terminal, accountRef, notificationUrl, secret, null);
    }

    /** The secret is never shown. */
    @Override
    public String toString() {
        return "WebhookConnection[" + provider + " of merchant " + merchant.value() + ", terminal " + terminal.value()
                + ", account " + accountRef + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookConnection c && c.merchant.equals(merchant) && c.provider.equals(provider)
                && c.terminal.equals(terminal) && java.util.Objects.equals(c.accountRef, accountRef)
                && java.util.Objects.equals(c.notificationUrl, notificationUrl) && Arrays.equals(c.secret, secret)
                && java.util.Objects.equals(c.currency, currency);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(merchant, provider, terminal);
    }
}
