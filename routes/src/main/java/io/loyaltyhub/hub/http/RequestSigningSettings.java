package io.loyaltyhub.hub.http;

import io.loyaltyhub.hub.config.HubSettings;
import java.time.Duration;

/**
 * How terminals' request signatures are checked, on every HTTP endpoint terminals post to.
 *
 * @param required {@code hub.http.signing-required}: unsigned requests are refused
 * @param maxAge {@code hub.http.signature-max-age-seconds}: an older signature (or one from the future) is refused
 */
public record RequestSigningSettings(boolean required, Duration maxAge) {
    public static RequestSigningSettings from(HubSettings settings) {
        return new RequestSigningSettings(settings.flag("hub.http.signing-required"),
                settings.seconds("hub.http.signature-max-age-seconds"));
    }
}
