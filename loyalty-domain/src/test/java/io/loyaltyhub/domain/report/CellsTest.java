package io.loyaltyhub.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void everyTimeHasWholeSecondsWhateverItsOwnPrecision() {
        assertThat(Cells.local(LocalDateTime.parse("2026-06-30T07:30"), 120)).isEqualTo("2026-06-30T09:30:00+02:00");
        assertThat(Cells.local(LocalDateTime.parse("2026-06-30T07:30:15.123456"), 120)).isEqualTo("2026-06-30T09:30:15+02:00");
        assertThat(Cells.local(LocalDateTime.parse("2026-06-30T07:30:15"), 0)).isEqualTo("2026-06-30T07:30:15Z");
        assertThat(Cells.utc(LocalDateTime.parse("2026-06-30T07:30"))).isEqualTo("2026-06-30T07:30:00Z");
        assertThat(Cells.utc(LocalDateTime.parse("2026-06-30T07:30:00.5"))).isEqualTo("2026-06-30T07:30:00Z");
    }

    @Test
    void storedResultsAreShownAsTheLowercaseCodesOfEveryOtherAnswer() {
        assertThat(Cells.resultCode("APPROVED")).isEqualTo("approved");
        assertThat(Cells.resultCode("INSUFFICIENT_POINTS")).isEqualTo("insufficient-points");
        assertThat(Cells.resultCode("SOME_LATER_CODE")).as("a code this version does not know yet").isEqualTo("some-later-code");
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaGetsAnApostropheAndOtherTextIsLeftAlone() {
        assertThat(Cells.text("=1+1")).isEqualTo("'=1+1");
        assertThat(Cells.text("+44 20")).isEqualTo("'+44 20");
        assertThat(Cells.text("-5")).isEqualTo("'-5");
        assertThat(Cells.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Cells.text("\tx")).isEqualTo("'\tx");
        assertThat(Cells.text("\rx")).isEqualTo("'\rx");
        assertThat(Cells.text("Ann")).isEqualTo("Ann");
        assertThat(Cells.text("")).isEmpty();
    }
}
