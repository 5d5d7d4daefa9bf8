package io.loyaltyhub.hub.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A readiness check whose answer needs a round trip (the database, the broker): the probe runs on its own thread
 * every {@code interval}, and {@link #problem()} answers at once from the last run. A run still going after
 * {@code timeout} counts as a failure while it lasts, so an outage that makes the probe hang makes the hub unready
 * instead of making the health endpoint hang. A change between ready and not ready is logged once.
 */
public final class PeriodicProbe implements ReadinessCheck, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PeriodicProbe.class);

    /** One round trip: empty when it went well, else what is wrong. May block, up to about the probe's timeout. */
    @FunctionalInterface
    public interface Probe {
        Optional<String> run() throws Exception;
    }

    private final String name;
    private final Probe probe;
    private final Duration interval;
    private final Duration timeout;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private volatile Instant runningSince;
    private volatile Optional<String> lastProblem = Optional.of("not checked yet");
    private boolean checked;

    public PeriodicProbe(String name, Probe probe, Duration interval, Duration timeout, Clock clock) {
        this.name = name;
        this.probe = probe;
        this.interval = interval;
        this.timeout = timeout;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hub-health-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    public PeriodicProbe start() {
        thread.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> problem() {
        Instant since = runningSince;
        if (since != null && Duration.between(since, clock.instant()).compareTo(timeout) > 0) {
            return Optional.of("no answer for " + Duration.between(since, clock.instant()).toMillis() + " ms");
        }
        return lastProblem;
    }

    private void runOnce() {
        runningSince = clock.instant();
        Optional<String> problem;
        try {
            problem = probe.run();
        } catch (Exception | LinkageError e) {
            problem = Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (problem.isPresent() && (lastProblem.isEmpty() || !checked)) {
            log.warn("readiness check {} fails: {}", name, problem.get());
        } else if (problem.isEmpty() && lastProblem.isPresent() && checked) {
            log.info("readiness check {} is ready again", name);
        }
        lastProblem = problem;
        checked = true;
        runningSince = null;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        if (probe instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("closing the {} probe: {}", name, e.getMessage());
            }
        }
    }
}
