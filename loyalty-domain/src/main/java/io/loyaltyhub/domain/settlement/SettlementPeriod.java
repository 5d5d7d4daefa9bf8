package io.loyaltyhub.domain.settlement;

import java.time.LocalDateTime;

/**
 * A settlement period: OPEN while entries land in it, CLOSING while its statements are written (a rerun of the close
 * finishes it), CLOSED when every merchant's statement is written; a closed period never changes.
 *
 * @param endsAt null while the period runs to its kind's next boundary; set when it was closed early
 */
public record SettlementPeriod(long id, PeriodKind kind, LocalDateTime startsAt, LocalDateTime endsAt, Status status) {
    public enum Status { OPEN, CLOSING, CLOSED }

    public LocalDateTime end() {
        return endsAt != null ? endsAt : kind.endOf(startsAt);
    }

    @Override
    public String toString() {
        return "period " + id + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ", " + startsAt + " to " + end()
                + ", " + status.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
