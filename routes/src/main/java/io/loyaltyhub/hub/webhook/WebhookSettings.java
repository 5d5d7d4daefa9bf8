package io.loyaltyhub.hub.webhook;

import io.loyaltyhub.hub.config.HubSettings;
import java.time.Duration;

/**
 * The cloud POS webhook channel's settings, read and checked once at start (docs/webhooks.md).
 *
 * @param maxBodyBytes {@code hub.webhooks.max-body-bytes}: larger bodies are refused (413) before they are read
 * @param maxEventAge {@code hub.webhooks.max-event-age-hours}: an event the provider signed a time on (Square) that is
 *     older than this, and not stored before, is refused as a replay
 * @param retryPending {@code hub.webhooks.retry-pending-seconds}: how often events stored but not yet answered by the
 *     engine (a crash, an outage) are credited again, and how old they must be
 * @param creditTimeout {@code hub.webhooks.credit-timeout-ms}: how long one event's crediting waits for the engine
 *     before it is left to the next retry
 */
public record WebhookSettings(long maxBodyBytes, Duration maxEventAge, Duration retryPending, Duration creditTimeout) {
    public static WebhookSettings from(HubSettings settings) {
        return new WebhookSettings(settings.positive("hub.webhooks.max-body-bytes"),
                Duration.ofHours(settings.positive("hub.webhooks.max-event-age-hours")),
                Duration.ofSeconds(settings.positive("hub.webhooks.retry-pending-seconds")),
                settings.millis("hub.webhooks.credit-timeout-ms"));
    }
}
