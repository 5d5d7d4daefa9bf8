package io.loyaltyhub.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    @Test
    void readsLfAndCrlfLinesAndALastLineWithoutNewline() throws IOException {
        assertThat(readAll("a,b\r\nc,d\ne", 100)).containsExactly(
                new BoundedLineReader.Line(1, "a,b"), new BoundedLineReader.Line(2, "c,d"), new BoundedLineReader.Line(3, "e"));
    }

    @Test
    void reportsAnOverlongLineWithoutKeepingItAndGoesOnWithTheNext() throws IOException {
        List<BoundedLineReader.Line> lines = readAll("short\n" + "x".repeat(10_000) + "\nnext\n", 16);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).tooLong()).isTrue();
        assertThat(lines.get(2)).isEqualTo(new BoundedLineReader.Line(3, "next"));
    }

    @Test
    void keepsALineOfExactlyTheLimit() throws IOException {
        assertThat(readAll("x".repeat(16) + "\n", 16)).containsExactly(new BoundedLineReader.Line(1, "x".repeat(16)));
    }

    private static List<BoundedLineReader.Line> readAll(String text, int max) throws IOException {
        BoundedLineReader reader = new BoundedLineReader(new StringReader(text), max);
        List<BoundedLineReader.Line> lines = new ArrayList<>();
        for (BoundedLineReader.Line line = reader.next(); line != null; line = reader.next()) {
            lines.add(line);
        }
        return lines;
    }
}
