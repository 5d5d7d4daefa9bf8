package io.loyaltyhub.adapters.iso8583;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Field 7 (transmission date and time, MMDDhhmmss in UTC) carries no year. The year is the one that puts
 * the moment nearest to the hub's clock, so a transaction sent at 23:59:59 on 31 December and received
 * just after midnight keeps its year.
 */
final class TransmissionTime {

    private TransmissionTime() {
    }

    /** @throws DateTimeException when the ten digits are not a real month, day and time */
    static OffsetDateTime of(String mmddhhmmss, Clock clock) {
        int month = Integer.parseInt(mmddhhmmss.substring(0, 2));
        int day = Integer.parseInt(mmddhhmmss.substring(2, 4));
        int hour = Integer.parseInt(mmddhhmmss.substring(4, 6));
        int minute = Integer.parseInt(mmddhhmmss.substring(6, 8));
        int second = Integer.parseInt(mmddhhmmss.substring(8, 10));
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        OffsetDateTime best = null;
        for (int year = now.getYear() - 1; year <= now.getYear() + 1; year++) {
            OffsetDateTime candidate;
            try {
                candidate = LocalDateTime.of(year, month, day, hour, minute, second).atOffset(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                continue; // 29 February exists only in some of the candidate years
            }
            if (best == null || distance(candidate, now) < distance(best, now)) {
                best = candidate;
            }
        }
        if (best == null) {
            throw new DateTimeException("field 7 is not a date and time");
        }
        return best;
    }

    private static long distance(OffsetDateTime a, OffsetDateTime b) {
        return Math.abs(a.toEpochSecond() - b.toEpochSecond());
    }
}
