package io.loyaltyhub.domain.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers, in UTC: from {@code from} (inclusive) up to {@code to} (exclusive), so
 * {@code from=2026-11-01&to=2026-12-01} is November. Without {@code to} the period ends after today; without
 * {@code from} it starts 365 days before {@code to}. At most {@value #MAX_DAYS} days.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {
    public static final int MAX_DAYS = 3700;
    public static final int DEFAULT_DAYS = 365;

    public ReportPeriod {
        if (!from.isBefore(to)) {
            throw new ReportRejected(ReportRejected.Kind.BAD_PARAMETER, "bad-period", "from must be before to (to is exclusive)");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new ReportRejected(ReportRejected.Kind.BAD_PARAMETER, "bad-period", "a report covers at most " + MAX_DAYS + " days");
        }
    }

    static ReportPeriod parse(String from, String to, LocalDate today) {
        LocalDate end = to == null ? today.plusDays(1) : date("to", to);
        LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS) : date("from", from);
        return new ReportPeriod(start, end);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ReportRejected(ReportRejected.Kind.BAD_PARAMETER, "bad-date", name + " must be an ISO date like 2026-11-01");
        }
    }

    /** The last day in the period: recency is counted up to this day. */
    public LocalDate lastDay() {
        return to.minusDays(1);
    }

    public LocalDateTime start() {
        return from.atStartOfDay();
    }

    public LocalDateTime end() {
        return to.atStartOfDay();
    }
}
