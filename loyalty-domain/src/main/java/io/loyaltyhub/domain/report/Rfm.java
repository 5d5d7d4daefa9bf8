package io.loyaltyhub.domain.report;

/**
 * RFM scores (recency, frequency, monetary value), 1 to 5, by quintile within one merchant's customers in the
 * report period. A customer's score for a measure is {@code 1 + floor(5 × below / n)}, where {@code below} is the
 * number of customers with a strictly worse value and {@code n} the number of customers: the worst fifth score 1,
 * the best fifth 5, and equal values always share a score. Integer arithmetic only.
 */
public final class Rfm {
    private Rfm() {
    }

    /**
     * @param rank  SQL {@code RANK()} of the customer ordered from worst to best value (1 = worst; ties share)
     * @param count customers in the period
     */
    public static int score(long rank, long count) {
        if (count < 1 || rank < 1 || rank > count) {
            throw new IllegalArgumentException("rank " + rank + " is not within 1.." + count);
        }
        return (int) (1 + (5 * (rank - 1)) / count);
    }

    /** The named segment for a customer's scores; rules in docs/reports.md, first matching rule wins. */
    public static Segment segment(int r, int f, int m) {
        if (r >= 4 && f >= 4 && m >= 4) {
            return Segment.CHAMPIONS;
        }
        if (r >= 3 && f >= 4) {
            return Segment.LOYAL;
        }
        if (r >= 4 && f == 1) {
            return Segment.NEW;
        }
        if (r >= 3) {
            return Segment.POTENTIAL;
        }
        if (f >= 3) {
            return Segment.AT_RISK;
        }
        if (r == 2) {
            return Segment.HIBERNATING;
        }
        return Segment.LOST;
    }

    public enum Segment {
        CHAMPIONS("champions"), LOYAL("loyal"), POTENTIAL("potential"), NEW("new"), AT_RISK("at risk"),
        HIBERNATING("hibernating"), LOST("lost");

        private final String label;

        Segment(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
