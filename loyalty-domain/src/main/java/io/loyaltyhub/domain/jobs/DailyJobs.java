package io.loyaltyhub.domain.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the daily jobs, one after the other, once a UTC day each, from {@link Schedule#at} on (a hub that was down
 * then runs them when it comes back, the same day). Any number of hub nodes may ask at once: the run of a day is
 * claimed in {@link JobRuns}, so one node runs it; while it works a lease keeper renews its claim, and a node killed
 * mid-run lets the lease run out, after which the next node that asks runs the job again (safe: see
 * {@link DailyJob}). A failed run is recorded with its error and tried again after {@link Schedule#retryAfter}.
 */
public final class DailyJobs {
    private static final Logger LOG = LoggerFactory.getLogger(DailyJobs.class);

    /**
     * @param at the time of day (UTC) from which a day's runs are due
     * @param lease how long a claim holds without being renewed (renewed every third of it while the job runs)
     * @param retryAfter how long after a failed run it is tried again
     */
    public record Schedule(LocalTime at, Duration lease, Duration retryAfter) {
        public Schedule {
            if (lease.compareTo(Duration.ofSeconds(3)) < 0 || retryAfter.isNegative()) {
                throw new IllegalArgumentException("a job lease is at least 3 seconds and a retry pause not negative");
            }
        }
    }

    private final JobRuns runs;
    private final List<DailyJob> jobs;
    private final Clock clock;
    private final String node;
    private final Schedule schedule;

    public DailyJobs(JobRuns runs, List<DailyJob> jobs, Clock clock, String node, Schedule schedule) {
        this.runs = runs;
        this.jobs = List.copyOf(jobs);
        this.clock = clock;
        this.node = node;
        this.schedule = schedule;
    }

    /** Runs every job whose run of today is due and free to claim. @return the runs this node made, as recorded */
    public List<JobRuns.Run> runDue() {
        LocalDateTime now = now();
        if (now.toLocalTime().isBefore(schedule.at())) {
            return List.of();
        }
        LocalDate day = now.toLocalDate();
        List<JobRuns.Run> made = new ArrayList<>();
        for (DailyJob job : jobs) {
            LocalDateTime at = now();
            Optional<JobRuns.Claim> claim = runs.claim(job.name(), day, node, at, at.plus(schedule.lease()),
                    at.minus(schedule.retryAfter()));
            if (claim.isPresent()) {
                run(job, claim.get());
                runs.find(job.name(), day).ifPresent(made::add);
            }
        }
        return made;
    }

    private void run(DailyJob job, JobRuns.Claim claim) {
        LOG.info("daily job {} of {} started on {}", job.name(), claim.day(), node);
        ScheduledExecutorService leaseKeeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-lease-" + job.name());
            t.setDaemon(true);
            return t;
        });
        long renewEvery = Math.max(1, schedule.lease().toMillis() / 3);
        leaseKeeper.scheduleWithFixedDelay(() -> renew(claim), renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        JobRuns.Status status;
        String outcome;
        try {
            outcome = job.run(line -> LOG.info("daily job {}: {}", job.name(), line));
            status = JobRuns.Status.DONE;
            LOG.info("daily job {} of {} done: {}", job.name(), claim.day(), outcome);
        } catch (RuntimeException e) {
            status = JobRuns.Status.FAILED;
            outcome = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warn("daily job {} of {} failed (tried again {} after): {}", job.name(), claim.day(),
                    schedule.retryAfter(), outcome, e);
        } finally {
            leaseKeeper.shutdownNow();
        }
        if (!runs.finish(claim, status, outcome, now())) {
            LOG.warn("daily job {} of {}: another node took the run over while it ran", job.name(), claim.day());
        }
    }

    private void renew(JobRuns.Claim claim) {
        try {
            runs.renew(claim, now().plus(schedule.lease()));
        } catch (RuntimeException e) {
            LOG.warn("daily job {}: cannot renew its lease ({}); renewing again later", claim.job(), e.getMessage());
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
