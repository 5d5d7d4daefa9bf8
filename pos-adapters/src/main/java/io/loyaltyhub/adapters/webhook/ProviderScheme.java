package io.loyaltyhub.adapters.webhook;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One cloud POS provider's webhook scheme, as its documentation describes it (docs/webhooks.md): the header that
 * carries the signature, how the signature is checked (and, for the POS simulator, made), and how a delivery's raw
 * body and headers are read into the events it carries. Adding a provider is one implementation of this interface and
 * its line in {@link WebhookProvider#scheme()}.
 */
public interface ProviderScheme {

    /** The header the provider puts its signature in. */
    String signatureHeader();

    /**
     * Whether the header's value is the provider's signature of this delivery under the merchant's secret, compared
     * in constant time.
     *
     * @param notificationUrl the URL the provider signs with the body (Square), null for the others
     */
    boolean verify(byte[] secret, String notificationUrl, byte[] rawBody, String headerValue);

    /** The signature header's value as the provider would send it (what the POS simulator signs with). */
    String sign(byte[] secret, String notificationUrl, byte[] rawBody);

    /**
     * The events one delivery carries, in order (one for most providers; a Loyverse delivery may carry several
     * receipts or customers, each its own event with its own idempotency key).
     *
     * @param header the delivery's headers by name (case-insensitive), null when absent
     * @param currency the connection's currency, for providers whose amounts name none (null when not connected with one)
     * @throws io.loyaltyhub.adapters.InputRejected when the body or a header is not the provider's documented shape
     */
    List<ProviderEvent> read(byte[] rawBody, UnaryOperator<String> header, String currency);
}
