package io.loyaltyhub.domain.jobs;

import java.util.function.Consumer;

/**
 * A job the hub runs once a day ({@link DailyJobs}). It must be safe to run again: a run stopped half-way (its node
 * killed) is run again by another node, and must then do the rest and nothing twice.
 */
public interface DailyJob {
    /** The job's name in {@code job_run}, the console and the logs (kebab-case, at most 32 characters). */
    String name();

    /**
     * Runs the job. @param progress lines for the log, as the job goes @return one line saying what it did (the
     * run's recorded outcome)
     */
    String run(Consumer<String> progress);
}
