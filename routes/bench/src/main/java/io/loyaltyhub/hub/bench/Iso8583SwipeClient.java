package io.loyaltyhub.hub.bench;

import io.loyaltyhub.adapters.iso8583.Framing;
import io.loyaltyhub.adapters.iso8583.Iso8583Client;
import io.loyaltyhub.adapters.iso8583.TerminalRequests;
import io.loyaltyhub.adapters.simulator.TestCards;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sales as ISO 8583 0200 requests. A terminal's connection carries one request at a time, as real terminals
 * do, so concurrency comes from a pool of connections (one sender thread each); a request waits for a free
 * connection, and that wait counts in its latency.
 */
final class Iso8583SwipeClient implements SwipeClient {
    private final BlockingQueue<Iso8583Client> idle;
    private final List<Iso8583Client> all = new ArrayList<>();
    private final ExecutorService senders;
    private final TerminalRequests requests;

    Iso8583SwipeClient(String host, int port, int connections, String merchantCode, String terminalCode) throws IOException {
        idle = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            Iso8583Client client = Iso8583Client.connect(host, port, Framing.fromConfig("binary-2"), Duration.ofSeconds(30), null);
            all.add(client);
            idle.add(client);
        }
        senders = Executors.newFixedThreadPool(connections, r -> {
            Thread t = new Thread(r, "bench-iso8583");
            t.setDaemon(true);
            return t;
        });
        requests = new TerminalRequests(terminalCode, merchantCode, "978", Clock.systemUTC(), 1);
    }

    @Override
    public CompletableFuture<Boolean> sale(long n) {
        String card = TestCards.luhnCard("628000", 16, 1 + n % BenchCoalition.CARDS);
        return CompletableFuture.supplyAsync(() -> {
            Iso8583Client client = null;
            try {
                client = idle.take();
                return "00".equals(client.exchange(requests.sale(card, 1999)).responseCode());
            } catch (Exception e) {
                return false;
            } finally {
                if (client != null) {
                    idle.add(client);
                }
            }
        }, senders);
    }

    @Override
    public void close() {
        senders.shutdownNow();
        for (Iso8583Client client : all) {
            try {
                client.close();
            } catch (IOException e) {
                // closing a benchmark connection: nothing to do
            }
        }
    }
}
