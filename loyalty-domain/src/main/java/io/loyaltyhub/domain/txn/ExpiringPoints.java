package io.loyaltyhub.domain.txn;

import java.time.LocalDate;

/** How many points of an account expire next, and on which day (UTC): shown with a balance inquiry's answer. */
public record ExpiringPoints(long points, LocalDate on) {
    public ExpiringPoints {
        if (points <= 0 || on == null) {
            throw new IllegalArgumentException("expiring points are positive and have a day");
        }
    }
}
