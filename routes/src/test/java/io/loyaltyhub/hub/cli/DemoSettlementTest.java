package io.loyaltyhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.reports.MerchantReportsExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * After the demo's traffic, the one command the demo prints closes the period; the curls it prints download books'
 * signed statement, its entries and a receipt's inclusion proof, which the documented commands verify; and
 * ledger-verify, as printed, finds the ledger intact.
 */
@Slow
@ResourceLock(Resources.SYSTEM_OUT)
class DemoSettlementTest {
    private static final String LAUNCHER = "java -jar routes/target/loyalty-hub.jar ";
    private static final Pattern CURL = Pattern.compile("curl -s -u '([^:]+):([^']+)' '([^']+)' -o (\\S+)");

    @TempDir
    Path merchantFolder;

    @Test
    void theDemoClosesThePeriodWithOneCommandAndItsStatementDownloadsAndVerifies() throws Exception {
        DocumentedVerification.requireOpenssl();
        List<HubExtension> extensions = List.of(new MerchantReportsExtension());
        try (HubFixture fixture = HubFixture.start(Map.of(), extensions)) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            new DemoCoalition(fixture.hub(), extensions).seedAndPrint(new PrintStream(printed, true, StandardCharsets.UTF_8));
            String demo = printed.toString(StandardCharsets.UTF_8);

            HubCommandRun closed = DocumentedVerification.cli(command(demo, "period-close"));
            assertThat(closed.exitCode()).as(closed.err()).isZero();
            assertThat(closed.out()).contains("statement(s) written, checkpoint signed");
            Matcher curl = CURL.matcher(demo);
            int downloads = 0;
            HttpClient http = HttpClient.newHttpClient();
            while (curl.find()) {
                String basic = Base64.getEncoder().encodeToString((curl.group(1) + ":" + curl.group(2))
                        .getBytes(StandardCharsets.UTF_8));
                HttpResponse<Path> response = http.send(HttpRequest.newBuilder(URI.create(curl.group(3)))
                        .header("Authorization", "Basic " + basic).build(),
                        HttpResponse.BodyHandlers.ofFile(merchantFolder.resolve(curl.group(4))));
                assertThat(response.statusCode()).as(curl.group(3)).isEqualTo(200);
                downloads++;
            }
            HubCommandRun key = DocumentedVerification.cli(command(demo, "hub-signing-key"));
            Files.writeString(merchantFolder.resolve("hub-signing-key.pem"), key.out());
            HubCommandRun ledger = DocumentedVerification.cli(command(demo, "ledger-verify"));

            HubCommandRun verified = DocumentedVerification.run(merchantFolder);

            assertThat(downloads).isEqualTo(3);
            assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
            assertThat(verified.out()).contains("Signature Verified Successfully")
                    .contains("receipt included in the signed statement");
            assertThat(ledger.exitCode()).as(ledger.out()).isZero();
            assertThat(ledger.out()).contains("ledger intact");
        }
    }

    /** The arguments of the printed launcher line of this command (up to a redirection). */
    private static String[] command(String demo, String name) {
        for (String line : demo.split("\n")) {
            if (line.startsWith(LAUNCHER + name)) {
                return line.substring(LAUNCHER.length()).replaceAll(" >.*$", "").trim().split(" +");
            }
        }
        throw new AssertionError("the demo prints no " + name + " command:\n" + demo);
    }
}
