package io.loyaltyhub.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.report.Rfm.Segment;
import org.junit.jupiter.api.Test;

class RfmTest {

    @Test
    void scoresAreQuintilesOfTheRankWithTiesSharingAScore() {
        assertThat(Rfm.score(1, 8)).isEqualTo(1);
        assertThat(Rfm.score(2, 8)).isEqualTo(1);
        assertThat(Rfm.score(3, 8)).isEqualTo(2);
        assertThat(Rfm.score(7, 8)).isEqualTo(4);
        assertThat(Rfm.score(8, 8)).isEqualTo(5);
        assertThat(Rfm.score(1, 1)).isEqualTo(1);
        assertThat(Rfm.score(5, 5)).isEqualTo(5);
        assertThat(Rfm.score(1, 1_000_000)).isEqualTo(1);
        assertThat(Rfm.score(800_001, 1_000_000)).isEqualTo(5);
        assertThat(Rfm.score(800_000, 1_000_000)).isEqualTo(4);
        assertThatThrownBy(() -> Rfm.score(9, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rfm.score(0, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void segmentRulesAsDocumented() {
        assertThat(Rfm.segment(5, 5, 5)).isEqualTo(Segment.CHAMPIONS);
        assertThat(Rfm.segment(4, 4, 4)).isEqualTo(Segment.CHAMPIONS);
        assertThat(Rfm.segment(4, 4, 3)).isEqualTo(Segment.LOYAL);
        assertThat(Rfm.segment(3, 5, 5)).isEqualTo(Segment.LOYAL);
        assertThat(Rfm.segment(5, 1, 5)).isEqualTo(Segment.NEW);
        assertThat(Rfm.segment(3, 1, 1)).isEqualTo(Segment.POTENTIAL);
        assertThat(Rfm.segment(4, 3, 5)).isEqualTo(Segment.POTENTIAL);
        assertThat(Rfm.segment(2, 3, 1)).isEqualTo(Segment.AT_RISK);
        assertThat(Rfm.segment(1, 5, 5)).isEqualTo(Segment.AT_RISK);
        assertThat(Rfm.segment(2, 2, 5)).isEqualTo(Segment.HIBERNATING);
        assertThat(Rfm.segment(1, 2, 5)).isEqualTo(Segment.LOST);
        assertThat(Rfm.segment(1, 1, 1)).isEqualTo(Segment.LOST);
    }

    @Test
    void everyCombinationHasASegmentAndEverySegmentOccurs() {
        java.util.Set<Segment> seen = java.util.EnumSet.noneOf(Segment.class);
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    seen.add(Rfm.segment(r, f, m));
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(Segment.values());
    }
}
