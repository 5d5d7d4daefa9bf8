package io.loyaltyhub.hub.jobs;

import io.loyaltyhub.hub.config.HubSettings;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The daily jobs' settings, read and checked once at start.
 *
 * @param at {@code hub.jobs.daily-at}: the time of day (UTC, HH:MM) from which each day's runs are due; empty
 *     ({@code off}) when this node runs none
 * @param check {@code hub.jobs.check-seconds}: how often the node looks for due runs
 * @param lease {@code hub.jobs.lease-seconds}: how long a run's claim holds unrenewed (a killed node's run is taken
 *     over after it)
 * @param retryAfter {@code hub.jobs.retry-seconds}: how long after a failed run it is tried again
 */
public record DailyJobsSettings(Optional<LocalTime> at, Duration check, Duration lease, Duration retryAfter) {
    static final String DAILY_AT = "hub.jobs.daily-at";

    public static DailyJobsSettings from(HubSettings settings) {
        Duration lease = settings.seconds("hub.jobs.lease-seconds");
        if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("hub.jobs.lease-seconds must be at least 3, not " + lease.toSeconds());
        }
        return new DailyJobsSettings(timeOfDay(settings.text(DAILY_AT)), Duration.ofSeconds(settings.positive(
                "hub.jobs.check-seconds")), lease, settings.seconds("hub.jobs.retry-seconds"));
    }

    private static Optional<LocalTime> timeOfDay(String value) {
        if ("off".equals(value)) {
            return Optional.empty();
        }
        try {
            if (value.matches("\\d{2}:\\d{2}")) {
                return Optional.of(LocalTime.parse(value));
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new IllegalArgumentException(DAILY_AT + " must be a time of day HH:MM (UTC, 00:00 to 23:59) or off, not '"
                + value + "'");
    }
}
