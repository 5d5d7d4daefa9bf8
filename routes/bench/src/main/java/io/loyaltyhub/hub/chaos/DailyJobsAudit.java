package io.loyaltyhub.hub.chaos;

import io.loyaltyhub.domain.jobs.JobRuns;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daily jobs across a run of several hub nodes, killed and restarted: each job's run of the day the load ended
 * is done, on one node (the day's row in {@code job_run} is the claim, so a second run of the day cannot be
 * recorded; a claim taken over from a killed node counts an attempt more).
 */
final class DailyJobsAudit {
    static final List<String> JOBS = List.of("points-expiry", "tier-recompute", "period-close");

    private DailyJobsAudit() {
    }

    /** @param notes receives one line per job: its node, attempts and outcome */
    static List<Finding> audit(DatabaseConfig config, LocalDate day, List<String> notes) {
        Map<String, Optional<JobRuns.Run>> runs = new LinkedHashMap<>();
        try (Database database = Database.open(config)) {
            JobRuns stored = new JobRuns(database);
            JOBS.forEach(job -> runs.put(job, stored.find(job, day)));
        }
        List<Finding> findings = new ArrayList<>();
        for (String job : JOBS) {
            JobRuns.Run run = runs.get(job).orElse(null);
            if (run == null || run.status() != JobRuns.Status.DONE) {
                findings.add(new Finding(Problem.DAILY_JOB_NOT_DONE, null, job + " of " + day + ": "
                        + (run == null ? "never run" : run.status() + " (" + run.outcome() + ")"), -1));
            } else {
                notes.add("daily job " + job + " of " + day + ": done once, on " + run.node() + " (" + run.attempts()
                        + " attempt(s)): " + run.outcome());
            }
        }
        return findings;
    }
}
