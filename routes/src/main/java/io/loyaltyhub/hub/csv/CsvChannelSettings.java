package io.loyaltyhub.hub.csv;

import io.loyaltyhub.hub.config.HubSettings;
import java.time.Duration;

/**
 * The CSV end-of-day channel's settings, read and checked once at start.
 *
 * @param sourceUri {@code hub.csv.source-uri}: where files are taken from (blank: the local inbox)
 * @param resultUri {@code hub.csv.result-uri}: where result files go (blank: the local outbox)
 * @param window {@code hub.csv.window}: lines of one file in the intake at once
 * @param answerTimeout {@code hub.csv.answer-timeout-ms}: how long a line waits for the engine before it is
 *     reported pending
 */
public record CsvChannelSettings(String sourceUri, String resultUri, int window, Duration answerTimeout) {
    public static CsvChannelSettings from(HubSettings settings) {
        return new CsvChannelSettings(settings.text("hub.csv.source-uri"), settings.text("hub.csv.result-uri"),
                settings.positive("hub.csv.window"), settings.millis("hub.csv.answer-timeout-ms"));
    }
}
