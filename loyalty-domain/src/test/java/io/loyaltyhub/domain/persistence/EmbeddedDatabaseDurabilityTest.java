package io.loyaltyhub.domain.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyhub.domain.testing.Slow;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Slow
class EmbeddedDatabaseDurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void everyCommitReportedBeforeAKillMinusNineIsStillThereAfterIt() throws Exception {
        AtomicLong lastReported = new AtomicLong();
        Process writer = startCommitWriter(lastReported);
        try {
            // Several hundred commits: with H2's default write delay the last half second of them was lost.
            await().atMost(Duration.ofSeconds(60)).until(() -> lastReported.get() >= 300);
        } finally {
            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the database file
            writer.waitFor();
        }
        long reported = lastReported.get();

        try (Database reopened = Database.open(DatabaseConfig.embedded(dataDir, 2));
             Connection c = reopened.connection();
             ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*), MAX(n) FROM durability_probe")) {
            r.next();
            assertThat(r.getLong(2)).as("the last commit reported before the kill").isGreaterThanOrEqualTo(reported);
            assertThat(r.getLong(1)).isEqualTo(r.getLong(2));
        }
    }

    @Test
    void theLockFileOfAKilledOwnerIsRemovedAtTheNextStartAndALiveOwnersIsKept() throws Exception {
        Path lockFile = dataDir.resolve("loyalty.lock.db");
        AtomicLong lastReported = new AtomicLong();
        Process owner = startCommitWriter(lastReported);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> lastReported.get() >= 1);

            StaleH2LockFile.removeIfOwnerIsGone(dataDir.resolve("loyalty"));

            assertThat(lockFile).as("the lock file of a running owner").exists();
        } finally {
            owner.destroyForcibly();
            owner.waitFor();
        }
        assertThat(lockFile).as("left behind by the kill").exists();

        StaleH2LockFile.removeIfOwnerIsGone(dataDir.resolve("loyalty"));

        assertThat(lockFile).doesNotExist();
    }

    @Test
    void theLockFileOfTheDatabaseThisProcessHasOpenIsKept() {
        try (Database open = Database.open(DatabaseConfig.embedded(dataDir, 2))) {
            StaleH2LockFile.removeIfOwnerIsGone(dataDir.resolve("loyalty"));

            assertThat(dataDir.resolve("loyalty.lock.db")).exists();
            assertThat(open.isReachable()).isTrue();
        }
    }

    /** A child JVM committing numbered rows to the embedded database and printing each number once committed. */
    private Process startCommitWriter(AtomicLong lastReported) throws Exception {
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommitWriter.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.matches("\\d+")) { // log lines share the stream
                        lastReported.set(Long.parseLong(line));
                    }
                }
            } catch (Exception ignored) {
                // the stream ends with the kill
            }
        }, "commit-writer-output");
        reader.setDaemon(true);
        reader.start();
        return writer;
    }
}
