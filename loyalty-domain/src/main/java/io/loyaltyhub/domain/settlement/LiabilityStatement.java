package io.loyaltyhub.domain.settlement;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operator's liability and breakage figures, valued (docs/settlement.md): today's, or a closed period's as they
 * were recorded at its close. Points held by the merchant that issued them ({@link Liability#OPERATOR}: points the
 * operator moved in) at the issuer's price; per issuer and month the points that expire then unless redeemed first,
 * and the breakage expected of them; the history the estimate rests on; and, for a closed period, the gifts the
 * operator mailed in it and their cost.
 *
 * @param periodId null for today's figures
 * @param asOf     the period's end (what was booked before it counts); null for today's figures
 */
public record LiabilityStatement(Long periodId, LocalDateTime asOf, List<Outstanding> outstanding, List<Expiring> expiring,
                                 long expiredSoFar, long redeemedSoFar, long mailedGifts, long mailedGiftCostMinor,
                                 String currency) {
    public LiabilityStatement {
        outstanding = List.copyOf(outstanding);
        expiring = List.copyOf(expiring);
    }

    /** An issuer's points held by members, and their value at its issue price. */
    public record Outstanding(long issuer, long points, long valueMinor) {
    }

    /** An issuer's points that expire in a month unless redeemed first, and the breakage expected of them. */
    public record Expiring(long issuer, YearMonth month, long points, long expectedBreakage) {
    }

    /** The issue price of an issuer's points. */
    interface Prices {
        long of(long issuer) throws SQLException;
    }

    public long totalOutstandingPoints() {
        return outstanding.stream().mapToLong(Outstanding::points).sum();
    }

    public long totalValueMinor() {
        return outstanding.stream().mapToLong(Outstanding::valueMinor).reduce(0, Math::addExact);
    }

    public long totalExpectedBreakage() {
        return expiring.stream().mapToLong(Expiring::expectedBreakage).sum();
    }

    static LiabilityStatement of(Long periodId, LocalDateTime asOf, Liability.Figures f, Prices prices, long mailedGifts,
                                 long mailedGiftCostMinor, String currency) throws SQLException {
        List<Outstanding> outstanding = new ArrayList<>();
        for (Map.Entry<Long, Long> e : f.outstanding().entrySet()) {
            outstanding.add(new Outstanding(e.getKey(), e.getValue(), Math.multiplyExact(e.getValue(), prices.of(e.getKey()))));
        }
        List<Expiring> expiring = new ArrayList<>();
        f.expiring().forEach((issuer, months) -> months.forEach((month, points) ->
                expiring.add(new Expiring(issuer, month, points, f.expectedBreakage(points)))));
        return new LiabilityStatement(periodId, asOf, outstanding, expiring, f.expiredSoFar(), f.redeemedSoFar(), mailedGifts,
                mailedGiftCostMinor, currency);
    }
}
