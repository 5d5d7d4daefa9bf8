package io.loyaltyhub.hub.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The hub's readiness checks: registered at start (the hub's own, and any a channel adds), asked together by
 * {@code GET /health/ready}. Every check is asked in parallel and given {@link #ANSWER_WITHIN} to answer, so that the
 * endpoint answers within that time even if a check misbehaves.
 */
public final class Readiness implements AutoCloseable {
    public static final Duration ANSWER_WITHIN = Duration.ofMillis(250);

    /** A check's answer: {@code problem} is empty when it is ready. */
    public record Result(String name, Optional<String> problem) {
        public boolean ready() {
            return problem.isEmpty();
        }
    }

    private final List<ReadinessCheck> checks = new CopyOnWriteArrayList<>();
    private final ExecutorService askers = new ThreadPoolExecutor(0, 8, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            r -> {
                Thread t = new Thread(r, "hub-readiness");
                t.setDaemon(true);
                return t;
            });

    public void register(ReadinessCheck check) {
        if (checks.stream().anyMatch(c -> c.name().equals(check.name()))) {
            throw new IllegalArgumentException("a readiness check named " + check.name() + " is already registered");
        }
        checks.add(check);
    }

    /** Every check's current answer, in the order they were registered. */
    public List<Result> evaluate() {
        List<CompletableFuture<Optional<String>>> asked = new ArrayList<>();
        for (ReadinessCheck check : checks) {
            asked.add(CompletableFuture.supplyAsync(check::problem, askers));
        }
        long deadline = System.nanoTime() + ANSWER_WITHIN.toNanos();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            results.add(new Result(checks.get(i).name(), answer(asked.get(i), deadline)));
        }
        return results;
    }

    private static Optional<String> answer(CompletableFuture<Optional<String>> asked, long deadline) {
        try {
            Optional<String> problem = asked.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return problem == null ? Optional.empty() : problem;
        } catch (TimeoutException e) {
            asked.cancel(true);
            return Optional.of("the check did not answer within " + ANSWER_WITHIN.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Optional.of("the check failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    @Override
    public void close() {
        askers.shutdownNow();
    }
}
