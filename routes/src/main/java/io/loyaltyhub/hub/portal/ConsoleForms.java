package io.loyaltyhub.hub.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Reading the console's form fields into values; what the domain then checks (ranges, codes, periods) it checks
 * itself. A field that is not what it must be is an {@link IllegalArgumentException} the page shows as refused.
 */
final class ConsoleForms {
    private ConsoleForms() {
    }

    static String required(Map<String, String> form, String field) {
        String value = form.getOrDefault(field, "").trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** An optional field: null when left empty. */
    static String optional(Map<String, String> form, String field) {
        String value = form.getOrDefault(field, "").trim();
        return value.isEmpty() ? null : value;
    }

    static long number(Map<String, String> form, String field) {
        String value = required(form, field);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
    }

    /** A UTC moment from a date ({@code 2026-12-01}: its start) or a date and time ({@code 2026-12-01T08:00}). */
    static LocalDateTime utc(Map<String, String> form, String field) {
        String value = required(form, field);
        try {
            return value.length() <= 10 ? LocalDate.parse(value).atStartOfDay() : LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a date (2026-12-01) or a date and time (2026-12-01T08:00), UTC");
        }
    }

    static Instant instant(Map<String, String> form, String field) {
        return utc(form, field).toInstant(ZoneOffset.UTC);
    }
}
