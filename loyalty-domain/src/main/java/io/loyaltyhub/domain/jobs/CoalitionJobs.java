package io.loyaltyhub.domain.jobs;

import io.loyaltyhub.domain.earn.Tiers;
import io.loyaltyhub.domain.expiry.PointsExpiry;
import io.loyaltyhub.domain.settlement.PeriodClose;
import io.loyaltyhub.domain.settlement.SettlementRefused;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The programme's daily jobs, each the same domain service as its command ({@code points-expire},
 * {@code tiers-recompute}, {@code period-close}), each safe to run again.
 */
public final class CoalitionJobs {
    /** A hub down for longer closes at most this many ended periods in one run; the next run closes the rest. */
    static final int MAX_PERIODS_PER_RUN = 62;
    /** The refusals that mean the close has nothing to do now. */
    private static final Set<String> NOTHING_TO_CLOSE = Set.of("period-not-ended", "no-settlement-terms");

    private CoalitionJobs() {
    }

    /** Expires the points due, as {@code points-expire} does. */
    public static DailyJob pointsExpiry(PointsExpiry expiry) {
        return job("points-expiry", progress -> {
            PointsExpiry.Result r = expiry.run(progress);
            return r.pointsExpired() + " point(s) expired on " + r.accountsExpired() + " account(s) of "
                    + r.accountsLooked() + " looked at";
        });
    }

    /** Puts every member in the tier their trailing 12-month spend reaches, as {@code tiers-recompute} does. */
    public static DailyJob tierRecompute(Tiers tiers) {
        return job("tier-recompute", progress -> {
            Map<String, Long> members = tiers.recompute();
            return members.isEmpty() ? "no tier is defined" : members.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue() + " member(s)").collect(Collectors.joining(", "));
        });
    }

    /** Closes every settlement period that has ended, oldest first, as {@code period-close} does for each. */
    public static DailyJob periodClose(PeriodClose close) {
        return job("period-close", progress -> {
            List<String> closed = new ArrayList<>();
            for (int i = 0; i < MAX_PERIODS_PER_RUN; i++) {
                PeriodClose.Closed c;
                try {
                    c = close.closeCurrent(false);
                } catch (SettlementRefused refused) {
                    if (!NOTHING_TO_CLOSE.contains(refused.code())) {
                        throw refused;
                    }
                    if (closed.isEmpty()) {
                        return "nothing to close: " + refused.code();
                    }
                    break;
                }
                String line = c.period() + " closed, " + c.statementsWritten() + " statement(s) written";
                progress.accept(line);
                closed.add(line);
            }
            return String.join("; ", closed);
        });
    }

    private record Named(String name, Function<Consumer<String>, String> work) implements DailyJob {
        @Override
        public String run(Consumer<String> progress) {
            return work.apply(progress);
        }
    }

    private static DailyJob job(String name, Function<Consumer<String>, String> work) {
        return new Named(name, work);
    }
}
