package io.loyaltyhub.domain.settlement;

import java.time.LocalDateTime;

/** How long a settlement period runs (UTC): to the next midnight, or to the first of the next month. */
public enum PeriodKind {
    DAILY,
    MONTHLY;

    /** The end of the period that starts at {@code start}. */
    public LocalDateTime endOf(LocalDateTime start) {
        return switch (this) {
            case DAILY -> start.toLocalDate().plusDays(1).atStartOfDay();
            case MONTHLY -> start.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
        };
    }
}
