package io.loyaltyhub.domain.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * One customer's purchases at one merchant in a period, with RFM scores and the number of customers they were
 * scored among ({@code cohort}); scores and cohort are 0 where nothing is scored (the lapsed list).
 */
record CustomerAggregate(long accountId, LocalDateTime firstAt, LocalDateTime lastAt, long visits, long spend,
                         long points, int r, int f, int m, long cohort) {

    /** Spend per visit in minor units, rounded down. */
    long averageBasket() {
        return visits == 0 ? 0 : Math.floorDiv(spend, visits);
    }

    long daysSinceLast(LocalDate lastDayOfPeriod) {
        return ChronoUnit.DAYS.between(lastAt.toLocalDate(), lastDayOfPeriod);
    }

    Rfm.Segment segment() {
        return Rfm.segment(r, f, m);
    }
}
