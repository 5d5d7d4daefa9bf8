package io.loyaltyhub.hub.bench;

import io.loyaltyhub.adapters.simulator.HttpJsonTill;
import io.loyaltyhub.adapters.simulator.TestCards;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives the HTTP JSON channel. {@link #closedLoop} keeps a fixed number of requests in flight to find the
 * maximum throughput; {@link #openLoop} sends at a fixed offered rate whatever the replies do, and measures
 * each latency from the moment the request was due (not sent), so a stalled hub cannot hide its queueing.
 */
final class OnlineLoad {
    record Result(double throughput, long ok, long failed, Histogram latencyMicros) {
    }

    private final HttpJsonTill till;
    private final String runId;
    private final AtomicLong sequence = new AtomicLong();

    OnlineLoad(HttpJsonTill till, String runId) {
        this.till = till;
        this.runId = runId;
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
        slots.acquire(inFlight);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(ok.get() / seconds, ok.get(), failed.get(), recorder.getIntervalHistogram());
    }

    Result openLoop(int ratePerSecond, Duration duration) throws InterruptedException {
        int maxOutstanding = Math.max(1_000, ratePerSecond * 10);
        Semaphore outstanding = new Semaphore(maxOutstanding);
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
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
                failed.incrementAndGet(); // the hub is so far behind that the generator refuses to queue more
                continue;
            }
            send(due, recorder, ok, failed, outstanding);
        }
        outstanding.tryAcquire(maxOutstanding, 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(ok.get() / seconds, ok.get(), failed.get(), recorder.getIntervalHistogram());
    }

    private void send(long dueNanos, Recorder recorder, AtomicLong ok, AtomicLong failed, Semaphore release) {
        long n = sequence.incrementAndGet();
        String card = TestCards.luhnCard("628000", 16, 1 + n % 50_000);
        till.send(HttpJsonTill.sale(runId + "-" + n, card, 1999, "EUR")).whenComplete((response, error) -> {
            recorder.recordValue(Math.max(1, (System.nanoTime() - dueNanos) / 1_000));
            if (error == null && response.statusCode() == 200) {
                ok.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
            release.release();
        });
    }
}
