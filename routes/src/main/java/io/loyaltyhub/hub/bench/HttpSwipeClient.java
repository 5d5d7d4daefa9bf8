package io.loyaltyhub.hub.bench;

import io.loyaltyhub.adapters.simulator.HttpJsonTill;
import io.loyaltyhub.adapters.simulator.TestCards;
import java.util.concurrent.CompletableFuture;

/** Sales as JSON over HTTP/1.1 (the JDK's HTTP client, one connection per request in flight). */
final class HttpSwipeClient implements SwipeClient {
    private final HttpJsonTill till;
    private final String runId;

    HttpSwipeClient(String hubUrl, String credentialId, String secret, String runId) {
        this.till = new HttpJsonTill(hubUrl, credentialId, secret);
        this.runId = runId;
    }

    @Override
    public CompletableFuture<Boolean> sale(long n) {
        String card = TestCards.luhnCard("628000", 16, 1 + n % BenchCoalition.CARDS);
        return till.send(HttpJsonTill.sale(runId + "-" + n, card, 1999, "EUR"))
                .thenApply(response -> response.statusCode() == 200 && response.body().contains("\"approved\""));
    }

    @Override
    public void close() {
        // the JDK client closes its idle connections itself
    }
}
