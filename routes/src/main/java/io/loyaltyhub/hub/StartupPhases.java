package io.loyaltyhub.hub;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How long each part of the hub's start took, logged as one line once it listens — the figure an operator looks at
 * when a restart is slow (docs/reliability.md, "Restart"). Steps run at the same time are timed each on its own
 * thread and listed under the phase they belong to.
 */
final class StartupPhases {
    private record Step(String name, long millis) {
    }

    private record Phase(String name, long millis, List<Step> atOnce) {
    }

    private final List<Phase> phases = new ArrayList<>();
    private final List<Step> runningAtOnce = new ArrayList<>();
    private long phaseStart = System.nanoTime();

    /** Ends the running phase under {@code name} (with the steps timed during it) and starts the next one. */
    synchronized void done(String name) {
        long now = System.nanoTime();
        phases.add(new Phase(name, (now - phaseStart) / 1_000_000, List.copyOf(runningAtOnce)));
        runningAtOnce.clear();
        phaseStart = now;
    }

    /** Runs one of the steps of the current phase that run at the same time (on any thread), timing it. */
    <T> T timed(String name, Supplier<T> step) {
        long start = System.nanoTime();
        try {
            return step.get();
        } finally {
            long millis = (System.nanoTime() - start) / 1_000_000;
            synchronized (this) {
                runningAtOnce.add(new Step(name, millis));
            }
        }
    }

    /**
     * For example {@code "3.6 s (opening 1.8 s [keystore 1.2 s, database 1.6 s, broker 1.8 s at once], engine and
     * gateway 0.6 s, routes 1.2 s); 4.4 s since the JVM started"}.
     */
    synchronized String summary() {
        long measured = phases.stream().mapToLong(Phase::millis).sum();
        StringBuilder text = new StringBuilder(seconds(measured)).append(" (");
        for (int p = 0; p < phases.size(); p++) {
            Phase phase = phases.get(p);
            text.append(p == 0 ? "" : ", ").append(phase.name()).append(' ').append(seconds(phase.millis()));
            if (!phase.atOnce().isEmpty()) {
                text.append(" [");
                for (int i = 0; i < phase.atOnce().size(); i++) {
                    Step step = phase.atOnce().get(i);
                    text.append(i == 0 ? "" : ", ").append(step.name()).append(' ').append(seconds(step.millis()));
                }
                text.append(" at once]");
            }
        }
        return text.append("); ").append(seconds(ManagementFactory.getRuntimeMXBean().getUptime()))
                .append(" since the JVM started").toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
