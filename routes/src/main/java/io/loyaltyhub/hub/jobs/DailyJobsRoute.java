package io.loyaltyhub.hub.jobs;

import io.loyaltyhub.domain.jobs.DailyJobs;
import io.loyaltyhub.domain.jobs.JobRuns;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code hub.jobs.check-seconds} (the first time one period after start), runs the daily jobs that are due.
 * One timer thread: a long job delays the next look, never overlaps it. Counts on /metrics what this node ran
 * ({@code hub_jobs_runs_total{job, outcome="done"|"failed"}}) and the looks it could not make
 * ({@code hub_jobs_checks_failed_total}), for alerting.
 */
final class DailyJobsRoute extends RouteBuilder {
    static final String ROUTE_ID = "daily-jobs";
    private static final Logger LOG = LoggerFactory.getLogger(DailyJobsRoute.class);

    private final DailyJobs jobs;
    private final Duration check;
    private final MeterRegistry meters;

    DailyJobsRoute(DailyJobs jobs, Duration check, MeterRegistry meters) {
        this.jobs = jobs;
        this.check = check;
        this.meters = meters;
    }

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?delay=" + check.toMillis() + "&period=" + check.toMillis())
                .routeId(ROUTE_ID)
                .process(exchange -> runDueJobs());
    }

    private void runDueJobs() {
        try {
            for (JobRuns.Run run : jobs.runDue()) {
                meters.counter("hub.jobs.runs", "job", run.job(), "outcome",
                        run.status().name().toLowerCase(Locale.ROOT)).increment();
            }
        } catch (RuntimeException e) {
            meters.counter("hub.jobs.checks.failed").increment();
            // The database is away (health says so too): nothing was claimed, the next look tries again.
            LOG.warn("daily jobs: cannot look for due runs now ({}); looking again in {} s", e.getMessage(),
                    check.toSeconds());
        }
    }
}
