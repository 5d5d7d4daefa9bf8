package io.loyaltyhub.hub.reports;

import io.loyaltyhub.hub.config.HubSettings;
import java.time.Duration;

/**
 * The merchant reports' settings, read and checked once at start.
 *
 * @param credentialCache {@code hub.reports.credential-cache-seconds}: how long a verified merchant secret is
 *     trusted without running Argon2id again
 * @param credentialCacheEntries {@code hub.reports.credential-cache-entries}
 * @param concurrentDownloads {@code hub.reports.concurrent-downloads}: reports written at once; one more is told to
 *     come back (503)
 * @param concurrentLogins {@code hub.reports.concurrent-logins}: Argon2id verifications at once
 * @param stallTimeout {@code hub.reports.stall-timeout-seconds}: a download whose client reads nothing for this long
 *     is ended
 */
public record MerchantReportsSettings(Duration credentialCache, int credentialCacheEntries,
                                      int concurrentDownloads, int concurrentLogins, Duration stallTimeout) {
    public static MerchantReportsSettings from(HubSettings settings) {
        return new MerchantReportsSettings(settings.seconds("hub.reports.credential-cache-seconds"), settings.positive("hub.reports.credential-cache-entries"),
                settings.positive("hub.reports.concurrent-downloads"), settings.positive("hub.reports.concurrent-logins"),
                settings.seconds("hub.reports.stall-timeout-seconds"));
    }
}
