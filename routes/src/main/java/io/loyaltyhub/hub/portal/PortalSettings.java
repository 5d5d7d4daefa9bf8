package io.loyaltyhub.hub.portal;

import io.loyaltyhub.hub.config.HubSettings;
import java.time.Duration;

/**
 * The portal's settings, read and checked once at start.
 *
 * @param sessionIdle {@code hub.portal.session-idle-minutes}: a session unused this long ends
 * @param sessionMaxAge {@code hub.portal.session-max-hours}: a session ends this long after sign-in, used or not
 * @param secureCookies {@code hub.portal.secure-cookies}: mark cookies {@code Secure} even when the request did not
 *     arrive over TLS (the hub behind a TLS-terminating proxy); a TLS request always gets them
 * @param concurrentDownloads {@code hub.reports.concurrent-downloads}: report downloads from the portal at once
 * @param stallTimeout {@code hub.reports.stall-timeout-seconds}
 */
public record PortalSettings(Duration sessionIdle, Duration sessionMaxAge, boolean secureCookies,
                             int concurrentDownloads, Duration stallTimeout) {
    public static PortalSettings from(HubSettings settings) {
        Duration idle = Duration.ofMinutes(settings.positive("hub.portal.session-idle-minutes"));
        Duration max = Duration.ofHours(settings.positive("hub.portal.session-max-hours"));
        if (max.compareTo(idle) < 0) {
            throw new IllegalArgumentException("hub.portal.session-max-hours must not be shorter than "
                    + "hub.portal.session-idle-minutes");
        }
        return new PortalSettings(idle, max, settings.flag("hub.portal.secure-cookies"),
                settings.positive("hub.reports.concurrent-downloads"), settings.seconds("hub.reports.stall-timeout-seconds"));
    }
}
