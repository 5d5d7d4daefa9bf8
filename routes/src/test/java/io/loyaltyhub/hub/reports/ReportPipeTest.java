package io.loyaltyhub.hub.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The pipe between a report writer and the HTTP response: flow, back-pressure limits, failures. */
class ReportPipeTest {

    @Test
    void carriesEveryByteAndEndsWhenTheWriterCloses() throws Exception {
        ReportPipe pipe = new ReportPipe(2, 8, Duration.ofSeconds(10));
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = pipe.output()) {
                for (int i = 0; i < 1000; i++) {
                    out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        String all;
        try (InputStream in = pipe.input()) {
            all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        writer.get();
        assertThat(all.lines()).hasSize(1000).endsWith("line 999");
    }

    @Test
    void aReaderClosingRightAfterTheEndIsNotAFailure() throws Exception {
        for (int round = 0; round < 200; round++) {
            ReportPipe pipe = new ReportPipe(2, 8, Duration.ofSeconds(10));
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (OutputStream out = pipe.output()) {
                    out.write("header\r\n".getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            InputStream in = pipe.input();
            assertThat(in.readAllBytes()).hasSize(8);
            in.close();
            writer.get();
        }
    }

    @Test
    void aWriterFailureReachesTheReaderAsAnError() throws Exception {
        ReportPipe pipe = new ReportPipe(4, 8, Duration.ofSeconds(10));
        OutputStream out = pipe.output();
        out.write("partial".getBytes(StandardCharsets.UTF_8));
        out.flush();
        pipe.abort(new IOException("database gone"));
        assertThatThrownBy(() -> pipe.input().readAllBytes()).isInstanceOf(IOException.class).hasMessage("database gone");
    }

    @Test
    void aWriterStopsWhenTheClientStopsReading() throws Exception {
        ReportPipe pipe = new ReportPipe(1, 4, Duration.ofMillis(300));
        OutputStream out = pipe.output();
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                out.write("abcd".getBytes(StandardCharsets.UTF_8));
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("stopped reading");

        ReportPipe closed = new ReportPipe(1, 4, Duration.ofSeconds(30));
        closed.input().close();
        OutputStream out2 = closed.output();
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                out2.write("abcd".getBytes(StandardCharsets.UTF_8));
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }
}
