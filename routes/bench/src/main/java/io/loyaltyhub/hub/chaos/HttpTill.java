package io.loyaltyhub.hub.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.domain.txn.TransactionType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/** A till speaking the HTTP JSON dialect (docs/http-json.md): POST /pos/v1/transactions with its Basic credential. */
final class HttpTill extends OnlineTill<String> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CardBook cards;
    private final URI endpoint;
    private final String authorization;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private long sequence;

    HttpTill(String terminal, TerminalLogin login, int httpPort, CardBook cards, Notebook notebook, SwipePlanner planner,
             RunControl control) {
        super(terminal, notebook, planner, control);
        this.cards = cards;
        this.endpoint = URI.create("http://127.0.0.1:" + httpPort + "/pos/v1/transactions");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((login.credentialId() + ":" + login.secret()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected Sent<String> prepare(PlannedSwipe swipe) {
        String ref = terminal + "-" + (++sequence);
        return new Sent<>(new SwipeRecord(Channel.HTTP, terminal, ref, swipe.type().name(), swipe.card(), System.currentTimeMillis()),
                body(ref, swipe, cards));
    }

    /** The JSON body of a transaction, as HTTP and broker tills send it. */
    static String body(String ref, PlannedSwipe swipe, CardBook cards) {
        ObjectNode body = JSON.createObjectNode();
        body.put("txnRef", ref);
        body.put("type", swipe.type().name());
        body.put("cardNumber", cards.number(swipe.card()));
        if (swipe.type() == TransactionType.SALE || swipe.type() == TransactionType.REFUND) {
            body.put("amount", swipe.amount());
            body.put("currency", "EUR");
        }
        if (swipe.original() != null) {
            body.put("originalTxnRef", swipe.original().ref());
        }
        if (swipe.type() == TransactionType.REDEEM) {
            body.put("redeemPoints", swipe.redeemPoints());
        }
        body.put("occurredAt", OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS).toString());
        return body.toString();
    }

    @Override
    protected Attempt attempt(Sent<String> swipe, boolean repeat) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .timeout(control.answerTimeout())
                .POST(HttpRequest.BodyPublishers.ofString(swipe.content()))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return JsonAnswers.http(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null), System.currentTimeMillis());
        } catch (HttpTimeoutException e) {
            return Attempt.retry("timeout");
        } catch (IOException e) {
            return Attempt.retry("connection");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.retry("interrupted");
        }
    }
}
