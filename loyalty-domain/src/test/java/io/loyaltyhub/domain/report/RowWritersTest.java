package io.loyaltyhub.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowWritersTest {

    @Test
    void csvQuotesAndDefusesFormulas() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowWriter csv = ReportFormat.CSV.writerTo(out);
        csv.header(List.of("a", "b", "c", "d"));
        csv.row("x,y", "say \"hi\"", null, -5L);
        csv.row("=HYPERLINK(\"http://evil\")", "@SUM(A1)", "+1", "line\nbreak");
        csv.finish();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a,b,c,d\r\n"
                + "\"x,y\",\"say \"\"hi\"\"\",,-5\r\n"
                + "\"'=HYPERLINK(\"\"http://evil\"\")\",'@SUM(A1),'+1,\"line\nbreak\"\r\n");
    }

    @Test
    void jsonIsAnArrayOfObjectsWithEscapedText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowWriter json = ReportFormat.JSON.writerTo(out);
        json.header(List.of("name", "n", "none"));
        json.row("a \"q\" \\ \n \u0001", 7L, null);
        json.row("=x", -1, null);
        json.finish();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("[\n"
                + "{\"name\":\"a \\\"q\\\" \\\\ \\n \\u0001\",\"n\":7,\"none\":null},\n"
                + "{\"name\":\"=x\",\"n\":-1,\"none\":null}\n]\n");
    }

    @Test
    void anEmptyJsonReportIsAnEmptyArray() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowWriter json = ReportFormat.JSON.writerTo(out);
        json.header(List.of("a"));
        json.finish();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("[]\n");
    }

    @Test
    void sharesArePercentagesRoundedDown() {
        assertThat(Cells.percent(60_000, 142_000)).isEqualTo("42.25");
        assertThat(Cells.percent(1, 3)).isEqualTo("33.33");
        assertThat(Cells.percent(3, 3)).isEqualTo("100.00");
        assertThat(Cells.percent(5, 0)).isEqualTo("0.00");
        assertThat(Cells.percent(1, 100_000)).isEqualTo("0.00");
    }
}
