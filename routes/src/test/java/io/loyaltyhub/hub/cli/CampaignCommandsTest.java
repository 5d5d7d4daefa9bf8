package io.loyaltyhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.config.HubSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** The operator adds, lists and ends a merchant's campaigns from the command line, with the domain's refusal codes. */
@Slow
@ResourceLock(Resources.SYSTEM_OUT)
class CampaignCommandsTest {
    @TempDir
    Path dir;


    @Test
    void aRunningCampaignEndsNowALaterOneIsWithdrawnAndEndingTwiceIsRefused() {
        Path data = dir.resolve("hub-data");
        try (Database db = Database.open(HubSettings.load(null, Map.of("hub.data-dir", data.toString())).databaseConfig(2))) {
            new CoalitionAdmin(db, IdGenerator.forNode(900), Clock.systemUTC()).createMerchant("books", "Pages & Co.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String dataDir = "hub.data-dir=" + data;

        HubCommandRun running = run("campaign-add", "--merchant", "books", "--code", "DOUBLE", "--multiplier", "200",
                "--from", now.minus(1, ChronoUnit.DAYS).toString(), "--until", now.plus(7, ChronoUnit.DAYS).toString(),
                "-s", dataDir);
        HubCommandRun later = run("campaign-add", "--merchant", "books", "--code", "XMAS", "--bonus", "50",
                "--from", now.plus(20, ChronoUnit.DAYS).toString(), "--until", now.plus(30, ChronoUnit.DAYS).toString(),
                "-s", dataDir);
        HubCommandRun endRunning = run("campaign-end", "--merchant", "books", "--code", "DOUBLE", "-s", dataDir);
        HubCommandRun withdrawLater = run("campaign-end", "--merchant", "books", "--code", "XMAS", "-s", dataDir);
        HubCommandRun endAgain = run("campaign-end", "--merchant", "books", "--code", "DOUBLE", "-s", dataDir);
        HubCommandRun unknown = run("campaign-end", "--merchant", "books", "--code", "NOPE", "-s", dataDir);
        HubCommandRun listed = run("campaigns", "--merchant", "books", "-s", dataDir);

        assertThat(running.exitCode()).as(running.err()).isZero();
        assertThat(later.exitCode()).as(later.err()).isZero();
        assertThat(endRunning.out()).contains("campaign DOUBLE of books ended now");
        assertThat(withdrawLater.out()).contains("campaign XMAS of books withdrawn (it had not started)");
        assertThat(endAgain.exitCode()).isNotZero();
        assertThat(endAgain.err()).contains("campaign-already-ended");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("unknown-campaign");
        assertThat(listed.out()).contains("DOUBLE").doesNotContain("XMAS");
    }

    private static HubCommandRun run(String... args) {
        return HubCommandRun.of(args);
    }
}
