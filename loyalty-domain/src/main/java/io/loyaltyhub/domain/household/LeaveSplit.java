package io.loyaltyhub.domain.household;

/**
 * How many of the household's points a leaving card takes to its new account (docs/households.md, "Leaving"):
 * none (the default: the points stay with the household that earned them together), an even share
 * (floor(balance / cards), never from a balance below zero), or a number of points the operator names.
 */
public record LeaveSplit(Kind kind, long points) {
    public enum Kind { NONE, EVEN_SHARE, POINTS }

    public static LeaveSplit none() {
        return new LeaveSplit(Kind.NONE, 0);
    }

    public static LeaveSplit evenShare() {
        return new LeaveSplit(Kind.EVEN_SHARE, 0);
    }

    public static LeaveSplit points(long points) {
        return new LeaveSplit(Kind.POINTS, points);
    }

    /** The points the card takes from a household with this balance and this many cards (the leaving one included). */
    long pointsFrom(long householdBalance, int cards) {
        return switch (kind) {
            case NONE -> 0;
            case EVEN_SHARE -> householdBalance <= 0 ? 0 : householdBalance / cards;
            case POINTS -> {
                if (points < 0 || points > Math.max(0, householdBalance)) {
                    throw new MemberOperationRefused(MemberRefusal.POINTS_NOT_AVAILABLE, "the household has "
                            + householdBalance + " points; a leaving card can take from 0 to " + Math.max(0, householdBalance));
                }
                yield points;
            }
        };
    }
}
