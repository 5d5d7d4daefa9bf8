package io.loyaltyhub.domain.report;

import io.loyaltyhub.domain.txn.ResultCode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How report cells print text, times, result codes and shares. */
final class Cells {
    /**
     * Every time in every report has the same precision: whole seconds, always written (java.time's own
     * toString drops ":00" seconds and adds fractions when there are any, so one column mixed three shapes).
     */
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    private Cells() {
    }

    /**
     * Text as a spreadsheet may safely open it: text that it would run as a formula (starting with =, +, -, @, tab or
     * CR) gets a leading apostrophe. Report cells can hold member-entered names.
     */
    static String text(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /** A stored UTC time as ISO-8601 with Z, e.g. 2026-11-20T09:15:30Z. */
    static String utc(LocalDateTime utc) {
        return SECONDS.format(utc.atOffset(ZoneOffset.UTC));
    }

    /** A stored UTC time shown in the offset the terminal reported it with, e.g. 2026-11-20T10:15:30+01:00. */
    static String local(LocalDateTime utc, int offsetMinutes) {
        OffsetDateTime t = utc.atOffset(ZoneOffset.UTC).withOffsetSameInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
        return SECONDS.format(t);
    }

    /** A stored result (the enum's name, e.g. INVALID_CARD) as the code every answer uses (invalid-card). */
    static String resultCode(String stored) {
        try {
            return ResultCode.valueOf(stored).code();
        } catch (IllegalArgumentException unknownToThisVersion) {
            return stored.toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** {@code part} as a percentage of {@code whole} with two decimals, rounded down ("0.00" when whole is 0). */
    static String percent(long part, long whole) {
        if (whole <= 0 || part <= 0) {
            return "0.00";
        }
        long basisPoints = Math.multiplyExact(part, 10_000L) / whole;
        return basisPoints / 100 + "." + String.format("%02d", basisPoints % 100);
    }
}
