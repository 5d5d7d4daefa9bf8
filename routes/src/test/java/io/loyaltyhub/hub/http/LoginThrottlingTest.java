package io.loyaltyhub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.merchant.MerchantCredential;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import io.loyaltyhub.hub.reports.MerchantReportsExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 14, against a real hub: failed logins lock a credential out with a back-off (terminal and merchant
 * credentials alike), and anonymous report logins run their Argon2id verifications one at a time, so that they can
 * take at most one core from the tills.
 */
@Slow
class LoginThrottlingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final MerchantReportsExtension REPORTS = new MerchantReportsExtension();
    private static HubFixture fixture;

    @BeforeAll
    static void startHub() {
        // Every request here comes from 127.0.0.1: the address lockout would mix the tests up, so it is tested alone
        // (LoginThrottleTest); the credential lockout and the verification slots are what is tested here.
        fixture = HubFixture.start(Map.of("hub.auth.address-failures-before-lockout", "0"), List.of(REPORTS));
    }

    @AfterAll
    static void stopHub() {
        fixture.close();
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> reportList(String authorization) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "/merchant/v1/reports"))
                    .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String code(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).get("code").asText();
        } catch (Exception e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    @Test
    void fiveWrongSecretsLockATerminalCredentialOutEvenForTheRightSecretUntilTheBackOffHasPassed() {
        Merchant shop = fixture.merchant();
        String sale = "{\"txnRef\":\"lock-1\",\"cardNumber\":\"" + HubFixture.card(8_001) + "\",\"amount\":100,\"currency\":\"EUR\"}";
        String wrong = basic(shop.till().credentialId(), "not-the-secret");
        for (int i = 0; i < 5; i++) {
            assertThat(fixture.post(wrong, "application/json", sale).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = fixture.swipe(shop, sale);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(code(locked)).isEqualTo("too-many-failed-logins");
        assertThat(locked.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE txn_ref = 'lock-1'")).isZero();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> fixture.swipe(shop, sale).statusCode() == 200);
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE txn_ref = 'lock-1'")).isEqualTo(1);
    }

    @Test
    void fiveWrongSecretsLockAMerchantReportCredentialOut() {
        Merchant shop = fixture.merchant();
        MerchantCredential credential = REPORTS.credentials().issue(shop.id());
        for (int i = 0; i < 5; i++) {
            assertThat(reportList(basic(credential.credentialId(), "not-the-secret")).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = reportList(basic(credential.credentialId(), credential.secret()));

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(code(locked)).isEqualTo("too-many-failed-logins");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> reportList(basic(credential.credentialId(), credential.secret())).statusCode() == 200);
    }

    @Test
    void manyAnonymousReportLoginsAtOnceAreVerifiedOneAtATime() throws Exception {
        int logins = 48;
        ExecutorService attackers = Executors.newFixedThreadPool(logins);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < logins; i++) {
                String anonymous = basic("mrc-nobody-" + i, "guess-" + i);
                answers.add(CompletableFuture.supplyAsync(() -> reportList(anonymous), attackers));
            }
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isIn(401, 503);
            }
            assertThat(REPORTS.loginSlots().peakInFlight()).isEqualTo(1);
        } finally {
            attackers.shutdownNow();
        }
    }

    @Test
    void aLoginThatFindsEverySlotTakenIsToldToComeBack() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService slowLogin = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Void> occupant = CompletableFuture.runAsync(() -> REPORTS.loginSlots().verify(() -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }), slowLogin);
            holding.await();

            HttpResponse<String> refused = reportList(basic("mrc-nobody", "guess"));

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(code(refused)).isEqualTo("too-many-logins");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            release.countDown();
            occupant.get();
            assertThat(reportList(basic("mrc-nobody", "guess")).statusCode()).isEqualTo(401);
        } finally {
            release.countDown();
            slowLogin.shutdownNow();
        }
    }
}
