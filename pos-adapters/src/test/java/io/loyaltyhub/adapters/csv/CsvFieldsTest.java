package io.loyaltyhub.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvFieldsTest {

    @Test
    void splitsPlainAndQuotedFieldsKeepingEmptyOnes() {
        assertThat(CsvFields.split("a,\"b,c\",,\"say \"\"hi\"\"\",")).containsExactly("a", "b,c", "", "say \"hi\"", "");
    }

    @Test
    void refusesBrokenQuoting() {
        assertThatThrownBy(() -> CsvFields.split("a,\"b")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> CsvFields.split("a,\"b\"c")).hasMessageContaining("misplaced");
        assertThatThrownBy(() -> CsvFields.split("a,b\"c")).hasMessageContaining("misplaced");
    }

    @Test
    void aLineBreakOutsideQuotesIsRefusedAndOneInsideQuotesIsKept() {
        assertThatThrownBy(() -> CsvFields.split("a,b\rc")).hasMessageContaining("line break");
        assertThatThrownBy(() -> CsvFields.split("\n")).hasMessageContaining("line break");
        assertThat(CsvFields.split("a,\"b\rc\"")).containsExactly("a", "b\rc");
    }

    @Test
    void quotesOnlyWhatNeedsQuotingAndRoundTrips() {
        assertThat(CsvFields.quote("R-1")).isEqualTo("R-1");
        assertThat(CsvFields.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvFields.split(CsvFields.quote("say \"hi\", then go"))).containsExactly("say \"hi\", then go");
    }
}
