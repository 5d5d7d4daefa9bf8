package io.loyaltyhub.domain.expiry;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * When credited points expire (docs/expiry.md). Both rules are monotone — a later credit never expires earlier — so
 * the points that have expired at a moment are exactly the lots credited before {@link #creditedBefore}.
 */
public record ExpiryPolicy(Rule rule, int months) {
    public enum Rule { MONTHS_AFTER_EARNING, END_OF_YEAR_AFTER_EARNING }

    public ExpiryPolicy {
        if (rule == Rule.MONTHS_AFTER_EARNING && (months < 1 || months > 1200)) {
            throw new IllegalArgumentException("points must expire between 1 and 1200 months after they were earned");
        }
    }

    public static ExpiryPolicy monthsAfterEarning(int months) {
        return new ExpiryPolicy(Rule.MONTHS_AFTER_EARNING, months);
    }

    public static ExpiryPolicy endOfYearAfterEarning() {
        return new ExpiryPolicy(Rule.END_OF_YEAR_AFTER_EARNING, 0);
    }

    /** The moment points credited at {@code creditedAt} (UTC) expire. */
    public LocalDateTime expiresAt(LocalDateTime creditedAt) {
        return switch (rule) {
            case MONTHS_AFTER_EARNING -> creditedAt.plusMonths(months);
            case END_OF_YEAR_AFTER_EARNING -> creditedAt.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).plusYears(2);
        };
    }

    /** Points credited before this moment have expired at {@code now}. */
    public LocalDateTime creditedBefore(LocalDateTime now) {
        return switch (rule) {
            case MONTHS_AFTER_EARNING -> now.minusMonths(months);
            case END_OF_YEAR_AFTER_EARNING -> now.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).minusYears(1);
        };
    }

    @Override
    public String toString() {
        return rule == Rule.MONTHS_AFTER_EARNING ? months + " months after they were earned"
                : "at the end of the year after the year they were earned";
    }
}
