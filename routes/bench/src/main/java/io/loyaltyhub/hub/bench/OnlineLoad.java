package io.loyaltyhub.hub.bench;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives an online channel. {@link #closedLoop} keeps a fixed number of requests in flight to find the
 * maximum throughput; {@link #openLoop} sends at a fixed offered rate whatever the replies do, and measures
 * each latency from the moment the request was due (not sent), so a stalled hub cannot hide its queueing.
 * Latencies are those of accepted swipes (answered approved); a swipe the hub refused (503 overloaded, ISO 8583 91,
 * ...) or failed is counted, not timed, so beyond capacity the figures show what an accepted swipe waits.
 * The open loop holds at most {@value #MAX_OUTSTANDING} requests; a request due while that many are
 * outstanding is counted as shed (the hub is then far behind the offered rate anyway).
 */
final class OnlineLoad {
    static final int MAX_OUTSTANDING = 2_000;

    record Result(double throughput, long ok, long failed, long shed, Histogram latencyMicros) {
    }

    private final SwipeClient client;
    private final AtomicLong sequence = new AtomicLong();

    OnlineLoad(SwipeClient client) {
        this.client = client;
    }

    Result closedLoop(int inFlight, Duration duration) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        while (System.nanoTime() < end) {
            slots.acquire();
            send(System.nanoTime(), recorder, ok, failed, slots);
        }
        slots.tryAcquire(inFlight, 2, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(ok.get() / seconds, ok.get(), failed.get(), 0, recorder.getIntervalHistogram());
    }

    Result openLoop(int ratePerSecond, Duration duration) throws InterruptedException {
        Semaphore outstanding = new Semaphore(MAX_OUTSTANDING);
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long shed = 0;
        long intervalNanos = 1_000_000_000L / ratePerSecond;
        long start = System.nanoTime();
        long total = ratePerSecond * duration.toSeconds();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!outstanding.tryAcquire()) {
                shed++;
                continue;
            }
            send(due, recorder, ok, failed, outstanding);
        }
        outstanding.tryAcquire(MAX_OUTSTANDING, 2, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(ok.get() / seconds, ok.get(), failed.get(), shed, recorder.getIntervalHistogram());
    }

    private void send(long dueNanos, Recorder recorder, AtomicLong ok, AtomicLong failed, Semaphore release) {
        client.sale(sequence.incrementAndGet()).whenComplete((approved, error) -> {
            if (error == null && approved) {
                recorder.recordValue(Math.max(1, (System.nanoTime() - dueNanos) / 1_000));
                ok.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
            release.release();
        });
    }
}
