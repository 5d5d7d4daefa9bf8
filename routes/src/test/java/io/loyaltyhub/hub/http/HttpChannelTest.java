package io.loyaltyhub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.card.Luhn;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP JSON channel over real HTTP, against a real hub (embedded Artemis, embedded database). */
@Slow
class HttpChannelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SERIALS = new AtomicLong(100);
    private static HubFixture fixture;
    private static Merchant books;
    private static Merchant pharma;

    @BeforeAll
    static void startHub() {
        fixture = HubFixture.start();
        books = fixture.merchant();
        pharma = fixture.merchant();
    }

    @AfterAll
    static void stopHub() {
        fixture.close();
    }

    private static String sale(String ref, String card, long amount) {
        return "{\"txnRef\":\"" + ref + "\",\"type\":\"SALE\",\"cardNumber\":\"" + card + "\",\"amount\":" + amount
                + ",\"currency\":\"EUR\",\"occurredAt\":\"2026-11-23T10:15:30+01:00\"}";
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void aSwipeIsCreditedAndTheReplyCarriesPointsAndBalance() throws Exception {
        String card = HubFixture.card(SERIALS.incrementAndGet());
        HttpResponse<String> response = fixture.swipe(books, sale("h-1", card, 12_345));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("status").asText()).isEqualTo("approved");
        assertThat(body.get("code").asText()).isEqualTo("approved");
        assertThat(body.get("points").asLong()).isEqualTo(123);
        assertThat(body.get("balance").asLong()).isEqualTo(123);
        assertThat(body.get("card").asText()).isEqualTo("****" + card.substring(12));
        assertThat(response.body()).doesNotContain(card);
        assertThat(fixture.balanceOf(card)).isEqualTo(123);
    }

    @Test
    void theSameSwipeAgainGetsTheFirstAnswerAndChangesNothing() throws Exception {
        String card = HubFixture.card(SERIALS.incrementAndGet());
        JsonNode first = json(fixture.swipe(books, sale("h-2", card, 5_000)));
        JsonNode second = json(fixture.swipe(books, sale("h-2", card, 5_000)));

        assertThat(second.get("points").asLong()).isEqualTo(first.get("points").asLong());
        assertThat(second.get("balance").asLong()).isEqualTo(50);
        assertThat(second.get("duplicate").asBoolean()).isTrue();
        assertThat(fixture.balanceOf(card)).isEqualTo(50);
    }

    @Test
    void concurrentCopiesOfOneSwipeAllGetTheFirstAnswerAndAreCreditedOnce() throws Exception {
        String card = HubFixture.card(SERIALS.incrementAndGet());
        String body = sale("h-race", card, 3_300);
        java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> copies = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 8; i++) {
                copies.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> fixture.swipe(books, body), pool));
            }
            for (java.util.concurrent.CompletableFuture<HttpResponse<String>> copy : copies) {
                JsonNode reply = json(copy.get());
                assertThat(reply.get("status").asText()).isEqualTo("approved");
                assertThat(reply.get("points").asLong()).isEqualTo(33);
                assertThat(reply.get("balance").asLong()).isEqualTo(33);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixture.balanceOf(card)).isEqualTo(33);
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE txn_ref = 'h-race'")).isEqualTo(1);
    }

    @Test
    void aRefundReversesInProportion() throws Exception {
        String card = HubFixture.card(SERIALS.incrementAndGet());
        fixture.swipe(books, sale("h-3", card, 12_345));
        JsonNode refund = json(fixture.swipe(books, "{\"txnRef\":\"h-4\",\"type\":\"REFUND\",\"cardNumber\":\"" + card
                + "\",\"amount\":4000,\"currency\":\"EUR\",\"originalTxnRef\":\"h-3\"}"));

        assertThat(refund.get("points").asLong()).isEqualTo(-39);
        assertThat(refund.get("balance").asLong()).isEqualTo(84);
    }

    @Test
    void theMerchantComesFromTheCredentialNotTheBody() throws Exception {
        String card = HubFixture.card(SERIALS.incrementAndGet());
        fixture.swipe(books, sale("h-5", card, 1_000));
        // The same reference at another merchant is another transaction, whatever the body says.
        JsonNode atPharma = json(fixture.swipe(pharma, sale("h-5", card, 1_000)));

        assertThat(atPharma.get("duplicate").asBoolean()).isFalse();
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE txn_ref = 'h-5' AND merchant_id = ?",
                pharma.id().value())).isEqualTo(1);
    }

    @Test
    void aCardOutsideEveryIssuedRangeIsDeclined() throws Exception {
        String body = "628000999999999";
        String outside = body + Luhn.checkDigit(body);
        JsonNode reply = json(fixture.swipe(books, sale("h-6", outside, 1_000)));

        assertThat(reply.get("status").asText()).isEqualTo("declined");
        assertThat(reply.get("code").asText()).isEqualTo("invalid-card");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "garbage body          | this is not json | 400 | malformed-json",
            "empty object          | {} | 400 | missing-field",
            "unknown field         | {\"txnRef\":\"b1\",\"cardNumber\":\"6280000000001238\",\"amount\":100,\"currency\":\"EUR\",\"merchantId\":7} | 400 | unknown-field",
            "zero amount           | {\"txnRef\":\"b2\",\"cardNumber\":\"6280000000001238\",\"amount\":0,\"currency\":\"EUR\"} | 422 | invalid-amount",
            "negative amount       | {\"txnRef\":\"b3\",\"cardNumber\":\"6280000000001238\",\"amount\":-5,\"currency\":\"EUR\"} | 422 | invalid-amount",
            "absurd amount         | {\"txnRef\":\"b4\",\"cardNumber\":\"6280000000001238\",\"amount\":99999999999,\"currency\":\"EUR\"} | 422 | invalid-amount",
            "decimal amount        | {\"txnRef\":\"b5\",\"cardNumber\":\"6280000000001238\",\"amount\":12.5,\"currency\":\"EUR\"} | 422 | invalid-amount",
            "unknown currency      | {\"txnRef\":\"b6\",\"cardNumber\":\"6280000000001238\",\"amount\":100,\"currency\":\"ZZZ\"} | 422 | unknown-currency",
            "missing card          | {\"txnRef\":\"b7\",\"amount\":100,\"currency\":\"EUR\"} | 400 | missing-field",
            "bad check digit       | {\"txnRef\":\"b8\",\"cardNumber\":\"6280000000001239\",\"amount\":100,\"currency\":\"EUR\"} | 422 | card-number-check-digit",
            "no programme          | {\"txnRef\":\"b9\",\"cardNumber\":\"4111111111111111\",\"amount\":100,\"currency\":\"EUR\"} | 422 | card-number-format",
            "bad txnRef            | {\"txnRef\":\"has space\",\"cardNumber\":\"6280000000001238\",\"amount\":100,\"currency\":\"EUR\"} | 422 | invalid-txn-ref",
            "void without original | {\"txnRef\":\"b10\",\"type\":\"VOID\",\"cardNumber\":\"6280000000001238\"} | 422 | invalid-transaction",
            "unknown type          | {\"txnRef\":\"b11\",\"type\":\"GIFT\",\"cardNumber\":\"6280000000001238\",\"amount\":100,\"currency\":\"EUR\"} | 422 | invalid-type"})
    void badInputGetsAProblemWithAStableCodeAndWritesNothing(String name, String body, int status, String code) throws Exception {
        long purchases = fixture.count("purchase");
        long cards = fixture.count("card");

        HttpResponse<String> response = fixture.swipe(books, body);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("code").asText()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("6280000000001238").doesNotContain("4111111111111111");
        assertThat(fixture.count("purchase")).isEqualTo(purchases);
        assertThat(fixture.count("card")).isEqualTo(cards);
    }

    @Test
    void noCredentialUnknownTerminalOrWrongSecretIsRefused() throws Exception {
        String body = sale("a-1", HubFixture.card(1), 100);
        HttpResponse<String> none = fixture.post(null, "application/json", body);
        HttpResponse<String> unknown = fixture.post("Basic " + java.util.Base64.getEncoder()
                .encodeToString("term-nope:secret".getBytes()), "application/json", body);
        HttpResponse<String> wrongSecret = fixture.post("Basic " + java.util.Base64.getEncoder()
                .encodeToString((books.till().credentialId() + ":wrong").getBytes()), "application/json", body);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).get("code").asText()).isEqualTo("unauthenticated");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(json(unknown).get("code").asText()).isEqualTo("unknown-terminal-or-wrong-credential");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE txn_ref = 'a-1'")).isZero();
    }

    @Test
    void anOversizedBodyIsRefusedWith413() throws Exception {
        String huge = "{\"txnRef\":\"big\",\"pad\":\"" + "x".repeat(70_000) + "\"}";
        HttpResponse<String> response = fixture.swipe(books, huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("code").asText()).isEqualTo("body-too-large");
    }

    @Test
    void aBodyThatIsNotJsonByContentTypeIsRefusedWith415() throws Exception {
        HttpResponse<String> response = fixture.post(books.basicAuth(), "text/plain", sale("ct-1", HubFixture.card(1), 100));
        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void aBalanceInquiryNeedsNoAmountOrCurrency() throws Exception {
        String card = HubFixture.card(SERIALS.incrementAndGet());
        fixture.swipe(books, sale("bi-1", card, 2_000));
        JsonNode reply = json(fixture.swipe(pharma, "{\"txnRef\":\"bi-2\",\"type\":\"BALANCE_INQUIRY\",\"cardNumber\":\"" + card + "\"}"));

        assertThat(reply.get("status").asText()).isEqualTo("approved");
        assertThat(reply.get("balance").asLong()).isEqualTo(20);
    }
}
