package io.loyaltyhub.hub.http;

import io.loyaltyhub.hub.config.HubSettings;
import java.time.Duration;

/**
 * The HTTP JSON channel's settings, read and checked once at start.
 *
 * @param maxBodyBytes {@code hub.http.max-body-bytes}: a larger body is refused (413) without being read
 * @param replyTimeout {@code hub.swipe.reply-timeout-ms}: how long a terminal waits for the engine before 202 "pending"
 */
public record HttpJsonSettings(int maxBodyBytes, Duration replyTimeout) {
    public static HttpJsonSettings from(HubSettings settings) {
        return new HttpJsonSettings(settings.positive("hub.http.max-body-bytes"), settings.millis("hub.swipe.reply-timeout-ms"));
    }
}
