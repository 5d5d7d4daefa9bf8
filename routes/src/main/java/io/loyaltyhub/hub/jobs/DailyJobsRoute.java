package io.loyaltyhub.hub.jobs;

import io.loyaltyhub.domain.jobs.DailyJobs;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code hub.jobs.check-seconds} (the first time one period after start), runs the daily jobs that are due.
 * One timer thread: a long job delays the next look, never overlaps it.
 */
final class DailyJobsRoute extends RouteBuilder {
    static final String ROUTE_ID = "daily-jobs";
    private static final Logger LOG = LoggerFactory.getLogger(DailyJobsRoute.class);

    private final DailyJobs jobs;
    private final Duration check;

    DailyJobsRoute(DailyJobs jobs, Duration check) {
        this.jobs = jobs;
        this.check = check;
    }

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?delay=" + check.toMillis() + "&period=" + check.toMillis())
                .routeId(ROUTE_ID)
                .process(exchange -> runDueJobs());
    }

    private void runDueJobs() {
        try {
            jobs.runDue();
        } catch (RuntimeException e) {
            // The database is away (health says so too): nothing was claimed, the next look tries again.
            LOG.warn("daily jobs: cannot look for due runs now ({}); looking again in {} s", e.getMessage(),
                    check.toSeconds());
        }
    }
}
