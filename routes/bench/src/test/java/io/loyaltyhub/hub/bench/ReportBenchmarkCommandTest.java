package io.loyaltyhub.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import picocli.CommandLine;

/** The report benchmark runs end to end on a small data set (figures in docs/performance.md come from full runs). */
@ResourceLock(Resources.SYSTEM_OUT)
class ReportBenchmarkCommandTest {

    @Test
    void seedsAndMeasuresBothReports() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(new ReportBenchmarkCommand()).execute("--purchases", "3000", "--customers", "300",
                    "--mysql-url", "");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(out).containsPattern("embedded +seed +3,000")
                .containsPattern("embedded +purchases +3,000")
                .containsPattern("embedded +customers +300 ");
    }
}
