package io.loyaltyhub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.testing.SlowTier;
import io.loyaltyhub.hub.HubFixture.Merchant;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.poslog.PosLogChannel;
import io.loyaltyhub.hub.reports.MerchantReportsExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Issue 12, item 16: every HTTP error is problem+json with a stable code, as docs/http-json.md says — the codec's JSON
 * limits, the server's own 404/405/400, 413 and 415 — and a client's malformed request is not logged as an ERROR.
 */
@Slow
@ResourceLock(SlowTier.CAPTURED_LOGS)
class HttpErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static HubFixture fixture;
    private static Merchant books;

    @BeforeAll
    static void startHub() {
        fixture = HubFixture.start(Map.of(), List.of(new MerchantReportsExtension(), new PosLogChannel()));
        books = fixture.merchant();
    }

    @AfterAll
    static void stopHub() {
        fixture.close();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isEqualTo("urn:loyalty-hub:problem:" + code);
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", books.basicAuth());
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a string of 4,097 characters", "nine levels of nesting", "a number of 21 digits"})
    void aBodyOverAJsonLimitIsA400ProblemNotAnEmpty500(String what) throws Exception {
        String body = switch (what) {
            case "a string of 4,097 characters" -> "{\"txnRef\":\"" + "x".repeat(4_097) + "\"}";
            case "nine levels of nesting" -> "{\"txnRef\":\"n\",\"lineItems\":" + "[".repeat(8) + "]".repeat(8) + "}";
            default -> "{\"txnRef\":\"n\",\"amount\":" + "1".repeat(21) + ",\"currency\":\"EUR\"}";
        };

        assertProblem(fixture.swipe(books, body), 400, "malformed-json");
    }

    @Test
    void aMethodAnEndpointDoesNotTakeIs405WithAllow() throws Exception {
        HttpResponse<String> delete = send("DELETE", "/pos/v1/transactions", null, null);
        HttpResponse<String> get = send("GET", "/pos/v1/transactions", null, null);
        HttpResponse<String> postToReports = send("POST", "/merchant/v1/reports/customers", "application/json", "{}");

        assertProblem(delete, 405, "method-not-allowed");
        assertThat(delete.headers().firstValue("Allow")).hasValue("POST");
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertProblem(postToReports, 405, "method-not-allowed");
        assertThat(postToReports.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void aPathNoEndpointServesIs404ProblemNotHtml() throws Exception {
        assertProblem(send("GET", "/pos/v2/transactions", null, null), 404, "not-found");
        assertProblem(send("POST", "/nowhere", "application/json", "{}"), 404, "not-found");
    }

    @Test
    void aBodyOverTheLimitIs413Problem() throws Exception {
        assertProblem(fixture.swipe(books, "{\"txnRef\":\"big\",\"pad\":\"" + "x".repeat(70_000) + "\"}"), 413,
                "body-too-large");
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @CsvSource(nullValues = "none", value = {"none", "text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=b", "application/jsonp"})
    void aSwipeWithoutTheJsonContentTypeIs415(String contentType) throws Exception {
        String sale = "{\"txnRef\":\"ct-1\",\"cardNumber\":\"" + HubFixture.card(77) + "\",\"amount\":100,\"currency\":\"EUR\"}";
        HttpResponse<String> response = send("POST", "/pos/v1/transactions", contentType, sale);

        assertProblem(response, 415, "unsupported-media-type");
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE txn_ref = 'ct-1'")).isZero();
    }

    @Test
    void aPosLogDocumentWithoutAnXmlContentTypeIs415() throws Exception {
        assertProblem(send("POST", "/pos/v1/poslog", null, "<POSLog/>"), 415, "unsupported-media-type");
        assertProblem(send("POST", "/pos/v1/poslog", "application/json", "<POSLog/>"), 415, "unsupported-media-type");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /merchant/v1/reports/customers?from=%zz HTTP/1.1", "GET /pos/v1/%zz HTTP/1.1",
            "POST /pos/v1/transactions%G1 HTTP/1.1"})
    void aBadPercentEncodingIsA400ProblemAndNoErrorInTheLog(String requestLine) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        RawHttp.Response response;
        try (RawHttp http = new RawHttp(fixture.hub().httpPort())) {
            response = http.head(requestLine, "Authorization: " + books.basicAuth(), "Content-Length: 0").read();
        } finally {
            root.detachAppender(logged);
        }

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("bad-request");
        assertThat(logged.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
        assertThat(logged.list).noneMatch(e -> e.getThrowableProxy() != null && e.getLevel().isGreaterOrEqual(Level.WARN));
    }
}
