package io.loyaltyhub.hub.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.testing.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub that does not answer is described from a real child JVM: whether it runs, its last log lines without stack
 * frames, and the threads a SIGQUIT dump finds in the project's code — so a chaos or cluster run that fails in CI
 * says where the hub was stuck.
 */
@Slow
class HubDiagnosisTest {

    /** A stand-in hub: logs a line and an exception, then waits for ever in a method with a telling name. */
    public static final class StuckHub {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("12:00:00 INFO  [main] starting the engine");
            new IllegalStateException("the engine lost its queue").printStackTrace(System.out);
            System.out.println("12:00:01 WARN  [main] waiting for the queue");
            System.out.flush();
            waitForTheQueue();
        }

        static void waitForTheQueue() throws InterruptedException {
            new CountDownLatch(1).await();
        }
    }

    @Test
    void aRunningHubIsDescribedByItsLastLinesAndTheThreadsInItsCode(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("hub.log");
        ChildProcess hub = ChildProcess.start("hub", javaRunning(StuckHub.class), log);
        try {
            awaitLine(log, "waiting for the queue");

            String diagnosis = HubDiagnosis.of(hub, log);

            assertThat(diagnosis).contains("(pid " + hub.pid() + ") is running")
                    .contains("| 12:00:00 INFO  [main] starting the engine")
                    .contains("| java.lang.IllegalStateException: the engine lost its queue")
                    .contains("| 12:00:01 WARN  [main] waiting for the queue")
                    .doesNotContain("| \tat ")
                    .contains("threads in the hub's code:")
                    .contains("\"main\"")
                    .contains("StuckHub.waitForTheQueue");
            assertThat(Files.readString(log)).contains("Full thread dump");
        } finally {
            hub.kill9();
        }
    }

    @Test
    void aHubThatExitedSaysSoWithItsExitCode(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("hub.log");
        ChildProcess hub = ChildProcess.start("hub", List.of(java(), "-version"), log);
        hub.kill9(); // waits until it has gone, whether it had finished or not

        String diagnosis = HubDiagnosis.of(hub, log);

        assertThat(diagnosis).contains("the hub's process exited with ").doesNotContain("threads in the hub's code");
    }

    private static List<String> javaRunning(Class<?> main) {
        return List.of(java(), "-cp", System.getProperty("java.class.path"), main.getName());
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void awaitLine(Path log, String text) {
        Awaitility.await("the child logs '" + text + "'").atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(log) && Files.readString(log).contains(text));
    }
}
