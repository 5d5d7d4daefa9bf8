package io.loyaltyhub.hub.bench;

import io.loyaltyhub.hub.LoyaltyHub;
import java.lang.management.ManagementFactory;

/**
 * What one measurement cost: the engine's mean batch (transactions per committed batch), the gateway's mean chunk
 * (transactions per broker message) and the process's CPU
 * time per transaction applied. The CPU figure is the whole benchmark process, so it includes the protocol clients
 * (they run in the same JVM); it is an upper bound on the hub's own cost, and comparable between runs.
 */
final class HubWork {
    record Usage(double meanBatch, double meanChunk, double cpuMillisPerSwipe, double applyMillisPerBatch,
                 double commitMillisPerBatch) {
    }

    private final LoyaltyHub hub;
    private final long applied;
    private final long batches;
    private final long cpuNanos;
    private final long chunks;
    private final long sent;
    private final long applyNanos;
    private final long commitNanos;

    private HubWork(LoyaltyHub hub) {
        this.hub = hub;
        this.applied = hub.engineConsumer().applied();
        this.batches = hub.engineConsumer().batches();
        this.cpuNanos = processCpuNanos();
        this.chunks = hub.artemisGateway().chunksSent();
        this.sent = hub.artemisGateway().transactionsSent();
        this.applyNanos = hub.engineConsumer().applyNanos();
        this.commitNanos = hub.engineConsumer().answerAndCommitNanos();
    }

    static HubWork start(LoyaltyHub hub) {
        return new HubWork(hub);
    }

    Usage finish() {
        long swipes = hub.engineConsumer().applied() - applied;
        long committed = hub.engineConsumer().batches() - batches;
        long cpu = processCpuNanos() - cpuNanos;
        long messages = hub.artemisGateway().chunksSent() - chunks;
        long inMessages = hub.artemisGateway().transactionsSent() - sent;
        return new Usage(committed == 0 ? 0 : (double) swipes / committed,
                messages == 0 ? 0 : (double) inMessages / messages,
                swipes == 0 || cpu < 0 ? 0 : cpu / 1_000_000.0 / swipes,
                committed == 0 ? 0 : (hub.engineConsumer().applyNanos() - applyNanos) / 1e6 / committed,
                committed == 0 ? 0 : (hub.engineConsumer().answerAndCommitNanos() - commitNanos) / 1e6 / committed);
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
