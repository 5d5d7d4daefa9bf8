package io.loyaltyhub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 13: a request's body is read only after its caller is authenticated, only up to the endpoint's
 * limit, and never to disk. Each test sends the headers and only part of the body (or none yet) and expects the answer
 * meanwhile: a hub that read the whole body first would not answer at all.
 */
@Slow
class BodiesAfterAuthenticationTest {
    private static HubFixture fixture;
    private static Merchant books;

    @BeforeAll
    static void startHub() {
        fixture = HubFixture.start();
        books = fixture.merchant();
    }

    @AfterAll
    static void stopHub() {
        fixture.close();
    }

    private static RawHttp connect() throws IOException {
        return new RawHttp(fixture.hub().httpPort());
    }

    @Test
    void anAnonymousMultipartUploadIsRefusedBeforeItsBodyArrivesAndNothingOfItReachesTheDisk() throws Exception {
        String card = HubFixture.card(31_337);
        String boundary = "hub-test-boundary";
        try (RawHttp http = connect()) {
            http.head("POST /pos/v1/transactions HTTP/1.1", "Content-Type: multipart/form-data; boundary=" + boundary,
                    "Content-Length: 1000000");
            http.send("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"swipe.json\"\r\n"
                    + "Content-Type: application/json\r\n\r\n{\"cardNumber\":\"" + card + "\"}" + " ".repeat(20_000));
            // ... and the rest of the million bytes announced never comes.

            RawHttp.Response answer = http.read();

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(answer.body()).contains("\"code\":\"unauthenticated\"");
            assertThat(answer.header("Connection")).isEqualTo("close");
        }
        assertThat(filesContaining(Path.of(System.getProperty("java.io.tmpdir"), "camel"), card)).isEmpty();
        assertThat(filesContaining(Path.of("file-uploads"), card)).isEmpty();
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeAByteOfItIsSent() throws Exception {
        try (RawHttp http = connect()) {
            http.head("POST /pos/v1/transactions HTTP/1.1", "Authorization: " + books.basicAuth(),
                    "Content-Type: application/json", "Content-Length: 1000000");

            RawHttp.Response answer = http.read();

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(answer.body()).contains("\"code\":\"body-too-large\"").contains("65536");
        }
    }

    @Test
    void aChunkedBodyIsRefusedAsSoonAsItOutgrowsTheLimit() throws Exception {
        try (RawHttp http = connect()) {
            http.head("POST /pos/v1/transactions HTTP/1.1", "Authorization: " + books.basicAuth(),
                    "Content-Type: application/json", "Transfer-Encoding: chunked");
            http.chunk("{\"txnRef\":\"big\",\"pad\":\"");
            for (int i = 0; i < 9; i++) {
                http.chunk("x".repeat(8_192));
            }
            // no last chunk: the body never ends

            RawHttp.Response answer = http.read();

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).contains("\"code\":\"body-too-large\"");
        }
    }

    @Test
    void aClientThatAsksFirstIsToldToSendOnlyOnceItsCredentialIsGood() throws Exception {
        String sale = "{\"txnRef\":\"expect-1\",\"cardNumber\":\"" + HubFixture.card(31_338) + "\",\"amount\":500,\"currency\":\"EUR\"}";
        int length = sale.getBytes(StandardCharsets.UTF_8).length;
        try (RawHttp anonymous = connect()) {
            anonymous.head("POST /pos/v1/transactions HTTP/1.1", "Content-Type: application/json",
                    "Content-Length: " + length, "Expect: 100-continue");
            assertThat(anonymous.read().status()).as("no 100 Continue for a caller without a credential").isEqualTo(401);
        }
        try (RawHttp till = connect()) {
            till.head("POST /pos/v1/transactions HTTP/1.1", "Authorization: " + books.basicAuth(),
                    "Content-Type: application/json", "Content-Length: " + length, "Expect: 100-continue");
            assertThat(till.read().status()).isEqualTo(100);
            till.send(sale);
            RawHttp.Response answer = till.read();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("\"status\":\"approved\"");
        }
    }

    @Test
    void aRefusedBodyIsDiscardedSoTheClientStillReadsItsAnswer() throws Exception {
        // An ordinary client sends the whole body before it reads the answer: the hub must let it finish.
        String body = "{\"txnRef\":\"anon\",\"pad\":\"" + "x".repeat(500_000) + "\"}";
        var response = fixture.post(null, "application/json", body);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private static List<Path> filesContaining(Path directory, String text) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(f -> contains(f, text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false; // gone meanwhile, or not ours to read
        }
    }
}
