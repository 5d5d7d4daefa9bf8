package io.loyaltyhub.hub.poslog;

import io.loyaltyhub.adapters.poslog.PosLogLimits;
import io.loyaltyhub.adapters.poslog.PosLogSettings;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.hub.config.HubSettings;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The POSLog channel's settings, read and checked once at start.
 *
 * @param limits {@code hub.poslog.max-document-bytes}, {@code max-depth}, {@code max-transactions}
 * @param defaults {@code hub.poslog.local-zone} and {@code default-currency}, for documents that leave them out
 * @param replyTimeout {@code hub.poslog.reply-timeout-ms}: how long a posted document waits for the engine
 * @param sourceUri {@code hub.poslog.source-uri}: where files are taken from (blank: the local inbox)
 * @param resultUri {@code hub.poslog.result-uri}: where result files go (blank: the local outbox)
 */
public record PosLogChannelSettings(PosLogLimits limits, PosLogSettings defaults, Duration replyTimeout, String sourceUri,
                                    String resultUri) {
    public static PosLogChannelSettings from(HubSettings settings) {
        PosLogLimits limits = new PosLogLimits(settings.positive("hub.poslog.max-document-bytes"),
                settings.positive("hub.poslog.max-depth"), settings.positive("hub.poslog.max-transactions"));
        String currency = settings.text("hub.poslog.default-currency");
        PosLogSettings defaults = new PosLogSettings(zone(settings.text("hub.poslog.local-zone")),
                currency.isBlank() ? null : currency(currency));
        return new PosLogChannelSettings(limits, defaults, settings.millis("hub.poslog.reply-timeout-ms"),
                settings.text("hub.poslog.source-uri"), settings.text("hub.poslog.result-uri"));
    }

    private static java.util.Currency currency(String code) {
        try {
            return Money.currencyOf(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting hub.poslog.default-currency: " + e.getMessage());
        }
    }

    private static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("setting hub.poslog.local-zone must be a time zone such as Europe/Paris or UTC, not '"
                    + zone + "'");
        }
    }
}
