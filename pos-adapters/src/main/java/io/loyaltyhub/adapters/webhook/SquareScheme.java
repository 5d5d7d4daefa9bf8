package io.loyaltyhub.adapters.webhook;

import java.util.List;
import java.util.function.UnaryOperator;

/** Square: see {@link WebhookSignatures#square} and {@link SquareEvents}. */
final class SquareScheme implements ProviderScheme {

    @Override
    public String signatureHeader() {
        return WebhookSignatures.SQUARE_HEADER;
    }

    @Override
    public boolean verify(byte[] secret, String notificationUrl, byte[] rawBody, String headerValue) {
        return WebhookSignatures.matches(sign(secret, notificationUrl, rawBody), headerValue);
    }

    @Override
    public String sign(byte[] secret, String notificationUrl, byte[] rawBody) {
        return WebhookSignatures.square(secret, notificationUrl == null ? "" : notificationUrl, rawBody);
    }

    @Override
    public List<ProviderEvent> read(byte[] rawBody, UnaryOperator<String> header, String currency) {
        return List.of(SquareEvents.read(rawBody));
    }
}
