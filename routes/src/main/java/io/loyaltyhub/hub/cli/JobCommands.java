package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.jobs.JobRuns;
import io.loyaltyhub.domain.persistence.Database;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The runs of the hub's daily jobs (docs/operations.md, "Daily jobs"). */
final class JobCommands {
    private JobCommands() {
    }

    @Command(name = "jobs", mixinStandardHelpOptions = true,
            description = "List the runs of the daily jobs (points expiry, tier recompute, period close), newest first.")
    static final class Runs implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "30", description = "at most N runs (default 30)")
        int limit;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 1000) {
                throw new IllegalArgumentException("--limit must be between 1 and 1000, not " + limit);
            }
            List<JobRuns.Run> runs;
            try (Database db = Database.open(settings.load().databaseConfig(2))) {
                runs = new JobRuns(db).recent(limit);
            }
            if (runs.isEmpty()) {
                System.out.println("no daily job has run yet (they run from hub.jobs.daily-at, UTC, on a running hub)");
                return 0;
            }
            System.out.printf("%-10s  %-14s  %-7s  %-8s  %-20s  %-19s  %s%n", "day", "job", "status", "attempts", "node",
                    "started (UTC)", "outcome");
            for (JobRuns.Run r : runs) {
                System.out.printf("%-10s  %-14s  %-7s  %-8d  %-20s  %-19s  %s%n", r.day(), r.job(),
                        r.status().name().toLowerCase(java.util.Locale.ROOT), r.attempts(), r.node(),
                        r.startedAt().withNano(0).toString().replace('T', ' '), r.outcome() == null ? "" : r.outcome());
            }
            return 0;
        }
    }
}
