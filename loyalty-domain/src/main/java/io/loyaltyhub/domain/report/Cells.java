package io.loyaltyhub.domain.report;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** How report cells print times and shares. */
final class Cells {
    private Cells() {
    }

    /** A stored UTC time as ISO-8601 with Z, e.g. 2026-11-20T09:15:30Z. */
    static String utc(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).toInstant().toString();
    }

    /** A stored UTC time shown in the offset the terminal reported it with, e.g. 2026-11-20T10:15:30+01:00. */
    static String local(LocalDateTime utc, int offsetMinutes) {
        OffsetDateTime t = utc.atOffset(ZoneOffset.UTC).withOffsetSameInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
        return t.toString();
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
