package io.loyaltyhub.domain.expiry;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One account's points as lots (docs/expiry.md): every credit is a lot, dated when it was credited; every debit —
 * a redemption, a refund or void, an expiry, points moved out — consumes the oldest lots first. What is left of a
 * lot is therefore its part of the credits above what all debits together took, so it needs no stored state and an
 * expiry computed twice expires nothing the second time.
 */
public final class PointsLots {
    /**
     * A credit: {@code merchantId} and {@code purchaseId} null for points the operator moved in.
     */
    public record Lot(long entryId, Long merchantId, Long purchaseId, long points, LocalDateTime creditedAt) {
    }

    /** What is left of one lot. */
    public record Remaining(Lot lot, long points) {
    }

    private final List<Lot> lots = new ArrayList<>();
    private long debited;

    public void credit(Lot lot) {
        lots.add(lot);
    }

    /** @param points a debit, as a positive number */
    public void debit(long points) {
        debited += points;
    }

    /** The lots with points left, oldest first. */
    public List<Remaining> remaining() {
        lots.sort(Comparator.comparing(Lot::creditedAt).thenComparingLong(Lot::entryId));
        List<Remaining> left = new ArrayList<>();
        long credited = 0;
        for (Lot lot : lots) {
            long before = credited;
            credited += lot.points();
            long taken = Math.min(lot.points(), Math.max(0, debited - before));
            if (lot.points() - taken > 0) {
                left.add(new Remaining(lot, lot.points() - taken));
            }
        }
        return left;
    }

    /** The lots (what is left of them) that have expired at {@code now}. */
    public List<Remaining> expiredAt(ExpiryPolicy policy, LocalDateTime now) {
        LocalDateTime before = policy.creditedBefore(now);
        return remaining().stream().filter(r -> r.lot().creditedAt().isBefore(before)).toList();
    }

    /** The points that expire next and when, or null when nothing is left to expire. */
    public NextExpiry next(ExpiryPolicy policy) {
        List<Remaining> left = remaining();
        if (left.isEmpty()) {
            return null;
        }
        LocalDateTime first = policy.expiresAt(left.get(0).lot().creditedAt()).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        long points = left.stream()
                .filter(r -> policy.expiresAt(r.lot().creditedAt()).truncatedTo(java.time.temporal.ChronoUnit.DAYS).equals(first))
                .mapToLong(Remaining::points).sum();
        return new NextExpiry(points, first.toLocalDate());
    }

    /** How many points expire next, and on which day (UTC). */
    public record NextExpiry(long points, java.time.LocalDate on) {
    }
}
