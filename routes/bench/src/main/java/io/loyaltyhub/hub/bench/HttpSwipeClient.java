package io.loyaltyhub.hub.bench;

import io.loyaltyhub.adapters.simulator.HttpJsonTill;
import io.loyaltyhub.adapters.simulator.TestCards;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sales as JSON over HTTP/1.1 with keep-alive connections (up to {@code connections}, one request at a time each).
 * A Vert.x client on one event loop: the benchmark's clients share the machine with the hub, and the JDK's HTTP client
 * took a quarter of the CPU of an HTTP run (a thread hand-off per response), which then counted against the hub.
 */
final class HttpSwipeClient implements SwipeClient {
    private static final String PATH = "/pos/v1/transactions";
    private final Vertx vertx;
    private final HttpClient client;
    private final String authorization;
    private final String runId;

    HttpSwipeClient(String host, int port, String credentialId, String secret, String runId, int connections) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        this.client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(host).setDefaultPort(port).setKeepAlive(true)
                .setPipelining(false).setConnectTimeout(5_000), new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((credentialId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        this.runId = runId;
    }

    @Override
    public CompletableFuture<Boolean> sale(long n) {
        String card = TestCards.luhnCard("628000", 16, 1 + n % BenchCoalition.CARDS);
        Buffer body = Buffer.buffer(HttpJsonTill.sale(runId + "-" + n, card, 1999, "EUR"));
        return client.request(HttpMethod.POST, PATH)
                .compose(request -> request.putHeader("Authorization", authorization)
                        .putHeader("Content-Type", "application/json")
                        .idleTimeout(30_000)
                        .send(body))
                .compose(response -> response.body()
                        .map(answer -> response.statusCode() == 200 && answer.toString().contains("\"approved\"")))
                .toCompletionStage().toCompletableFuture();
    }

    @Override
    public void close() {
        try {
            client.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing the benchmark's client: nothing more to do
        }
    }
}
