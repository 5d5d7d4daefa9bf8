package io.loyaltyhub.hub.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Kills, at random moments while the tills are busy, one of the set-up's components with {@code kill -9}, starts it
 * again (the database server and the broker after a random outage), and waits until the hub's engine answers again.
 * Components take turns in a seeded random order, so each is killed about as often as the others. A hub that does
 * not answer within the recovery time after the component is back is restarted, as an operator would have to, and
 * that is reported.
 */
final class ChaosMonkey {

    /** The monkey's timing. */
    record Timing(Duration minLoad, Duration maxLoad, Duration maxOutage, Duration recovery, Duration hubStart) {
    }

    private final Random random;
    private final List<Component> components;
    private final HubProcess hub;
    private final RecoveryProbe probe;
    private final Timing timing;
    private final Consumer<String> progress;
    private final List<Component> turn = new ArrayList<>();

    ChaosMonkey(long seed, List<Component> components, HubProcess hub, RecoveryProbe probe, Timing timing, Consumer<String> progress) {
        this.random = new Random(seed);
        this.components = components;
        this.hub = hub;
        this.probe = probe;
        this.timing = timing;
        this.progress = progress;
    }

    /**
     * Runs the cycles, adding each kill to {@code events} as it is done (so that a run stopped by a hub that no longer
     * answers keeps what it did).
     */
    void run(int cycles, List<RunEvent> events) throws Exception {
        for (int cycle = 1; cycle <= cycles && !Thread.currentThread().isInterrupted(); cycle++) {
            RunControl.pause(between(timing.minLoad(), timing.maxLoad()));
            Component victim = nextVictim();
            long killedAt = System.currentTimeMillis();
            victim.kill9();
            if (victim != hub) {
                RunControl.pause(between(Duration.ZERO, timing.maxOutage()));
            }
            victim.start();
            long backAt = System.currentTimeMillis();
            OptionalLong answering = probe.awaitAnswering(victim == hub ? timing.hubStart() : timing.recovery());
            boolean byHand = false;
            if (answering.isEmpty() && victim != hub) {
                byHand = true;
                progress.accept(String.format("cycle %d: the hub did not answer within %d s of the %s's restart; restarting the hub",
                        cycle, timing.recovery().toSeconds(), victim.name()));
                hub.kill9();
                hub.start();
                answering = probe.awaitAnswering(timing.hubStart());
            }
            if (answering.isEmpty()) {
                progress.accept("the probe's last send got " + probe.lastSeen() + System.lineSeparator() + hub.diagnosis());
                throw new IllegalStateException("the hub did not answer within " + timing.hubStart().toSeconds()
                        + " s of its start (cycle " + cycle + ", " + victim.name() + " killed)");
            }
            RunEvent event = new RunEvent(cycle, victim.name(), "kill -9", killedAt, backAt, answering.getAsLong(), byHand, false);
            events.add(event);
            progress.accept(String.format("cycle %d/%d: %s killed, answering again after %.1f s%s", cycle, cycles, victim.name(),
                    event.outageMillis() / 1000.0, byHand ? " (hub restarted by hand)" : ""));
        }
    }

    private Component nextVictim() {
        if (turn.isEmpty()) {
            turn.addAll(components);
            Collections.shuffle(turn, random);
        }
        return turn.remove(0);
    }

    private Duration between(Duration min, Duration max) {
        long span = max.toMillis() - min.toMillis();
        return min.plusMillis(span <= 0 ? 0 : (long) (random.nextDouble() * span));
    }
}
