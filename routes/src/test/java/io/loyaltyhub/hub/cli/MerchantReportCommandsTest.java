package io.loyaltyhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.reports.MerchantReportsExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The operator's report commands against a running hub's embedded database, and the demo's report curl commands
 * run as printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
@ResourceLock(Resources.SYSTEM_OUT)
class MerchantReportCommandsTest {
    private static final Pattern CURL = Pattern.compile("curl -s (?:--compressed )?-u '([^']+)' '([^']+)' ; echo");

    private HubFixture fixture;
    private MerchantReportsExtension extension;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        extension = new MerchantReportsExtension();
        fixture = HubFixture.start(Map.of(), List.of(extension));
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    private String run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-s", "hub.data-dir=" + fixture.dataDir()));
        HubCommandRun run = HubCommandRun.of(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
        return run.out();
    }

    private HttpResponse<String> get(String userColonSecret, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(userColonSecret.getBytes(StandardCharsets.UTF_8))).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anIssuedCredentialDownloadsReportsAndTheOperatorSeesTheDownload() {
        HubFixture.Merchant m = fixture.merchant();
        String printed = run("merchant-credential-add", "--merchant", m.code());
        Matcher id = Pattern.compile("id: +(mrc-[0-9a-f]+)").matcher(printed);
        Matcher secret = Pattern.compile("secret: +(\\S+)").matcher(printed);
        assertThat(id.find()).isTrue();
        assertThat(secret.find()).isTrue();

        HttpResponse<String> r = get(id.group(1) + ":" + secret.group(1), fixture.baseUrl() + "/merchant/v1/reports/daily");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("day,store,sales,spend,points,customers");

        String audit = run("report-downloads", "--merchant", m.code());
        assertThat(audit).contains(id.group(1)).contains("daily").contains("COMPLETED").contains(m.code());
        assertThat(run("report-downloads")).contains(id.group(1));
    }

    @Test
    void aRevokedCredentialIsRefusedByTheRunningHubAndAnotherMerchantCannotRevokeIt() {
        HubFixture.Merchant m = fixture.merchant();
        HubFixture.Merchant other = fixture.merchant();
        String printed = run("merchant-credential-add", "--merchant", m.code());
        Matcher id = Pattern.compile("id: +(mrc-[0-9a-f]+)").matcher(printed);
        Matcher secret = Pattern.compile("secret: +(\\S+)").matcher(printed);
        assertThat(id.find()).isTrue();
        assertThat(secret.find()).isTrue();

        HubCommandRun refused = HubCommandRun.of("merchant-credential-revoke", "--merchant", other.code(),
                "--credential", id.group(1), "-s", "hub.data-dir=" + fixture.dataDir());
        String revoked = run("merchant-credential-revoke", "--merchant", m.code(), "--credential", id.group(1));
        HttpResponse<String> r = get(id.group(1) + ":" + secret.group(1), fixture.baseUrl() + "/merchant/v1/reports/daily");

        assertThat(refused.exitCode()).as("another merchant's credential is not found").isEqualTo(2);
        assertThat(refused.err()).startsWith("error: ").contains(id.group(1));
        assertThat(revoked).contains("revoked");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("unknown-merchant-or-wrong-credential");
    }

    @Test
    void theDemosReportCommandsWorkAsPrinted() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new DemoCoalition(fixture.hub(), List.<HubExtension>of(extension))
                .seedAndPrint(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Matcher curl = CURL.matcher(printed.toString(StandardCharsets.UTF_8));
        List<String> urls = new ArrayList<>();
        while (curl.find()) {
            HttpResponse<String> r = get(curl.group(1), curl.group(2));
            urls.add(curl.group(2));
            if (curl.group(2).endsWith("/merchant/v1/reports/purchases?store=B01") && urls.stream()
                    .filter(u -> u.endsWith("store=B01")).count() == 2) {
                assertThat(r.statusCode()).as("pharma asking for books' store").isEqualTo(404);
            } else {
                assertThat(r.statusCode()).as(curl.group(2)).isEqualTo(200);
            }
            if (curl.group(2).endsWith("/reports/customers") && urls.size() == 1) {
                assertThat(r.body().split("\r\n")).hasSize(1 + 40);
            }
        }
        assertThat(urls).hasSize(9);
    }
}
