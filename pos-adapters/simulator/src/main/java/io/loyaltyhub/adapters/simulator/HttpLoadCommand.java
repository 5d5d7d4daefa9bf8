package io.loyaltyhub.adapters.simulator;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Sends sales over HTTP JSON with a fixed number in flight (closed loop) and prints throughput, status
 * counts and latency percentiles. Each sale has a fresh reference; cards cycle through a pool.
 */
@Command(name = "http", mixinStandardHelpOptions = true, description = "Send sales over HTTP JSON and measure.")
final class HttpLoadCommand implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "hub base URL (default ${DEFAULT-VALUE})")
    String url;
    @Mixin
    TerminalLoginOptions login;
    @Option(names = "--signing-secret", description = "the terminal's request-signing secret, if it has one (requests are then signed)")
    String signingSecret;
    @Option(names = "--count", defaultValue = "1", description = "sales to send (default ${DEFAULT-VALUE})")
    int count;
    @Option(names = "--concurrency", defaultValue = "1", description = "requests in flight (default ${DEFAULT-VALUE})")
    int concurrency;
    @Option(names = "--cards", defaultValue = "1000", description = "distinct cards to cycle through")
    int cards;
    @Mixin
    TestCardOptions testCards;
    @Mixin
    AmountOptions sale;
    @Option(names = "--ref-prefix", defaultValue = "", description = "prefix for transaction references (default: a run id)")
    String refPrefix;

    @Override
    public Integer call() throws Exception {
        HttpJsonTill till = new HttpJsonTill(url, login.credential, login.secret, signingSecret);
        String run = refPrefix.isEmpty() ? "sim" + Long.toString(System.currentTimeMillis(), 36) : refPrefix;
        Semaphore inFlight = new Semaphore(concurrency);
        Recorder latencies = new Recorder(3);
        Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        CompletableFuture<?>[] all = new CompletableFuture<?>[count];
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            String card = testCards.card(1 + (i % cards));
            long sent = System.nanoTime();
            all[i] = till.send(HttpJsonTill.sale(run + "-" + i, card, sale.amount, sale.currency))
                    .whenComplete((response, failure) -> {
                        latencies.recordValue(Math.max(1, (System.nanoTime() - sent) / 1_000));
                        statuses.computeIfAbsent(label(response, failure), k -> new AtomicLong()).incrementAndGet();
                        inFlight.release();
                    });
        }
        CompletableFuture.allOf(all).exceptionally(e -> null).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram h = latencies.getIntervalHistogram();
        System.out.printf("sent %d sales in %.2f s: %.0f sales/s with %d in flight%n", count, seconds, count / seconds, concurrency);
        System.out.printf("latency ms: p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n", h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
        System.out.println("replies: " + new TreeMap<>(statuses));
        return statuses.keySet().stream().allMatch(s -> s.startsWith("200") || s.startsWith("202")) ? 0 : 1;
    }

    private static String label(HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            return "error " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        return response.statusCode() + (response.body().contains("\"duplicate\":true") ? " duplicate" : "");
    }
}
