package io.loyaltyhub.hub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.merchant.MerchantCredential;
import io.loyaltyhub.domain.testing.ReportDataSet;
import io.loyaltyhub.domain.testing.ReportDataSet.Shop;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.pgp.ArmoredPublicKey;
import io.loyaltyhub.hub.pgp.Gpg;
import io.loyaltyhub.hub.pgp.MerchantPgpKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encrypted report downloads, over real HTTP against a real hub: once merchant A registers an OpenPGP key made by the
 * stock gpg, A's reports arrive as {@code .pgp} files that gpg decrypts (with A's secret key) into exactly the report A
 * got before, under AES-256 with integrity protection and never gzip-wrapped; merchant B, without a key, still gets
 * plain reports. Skipped with a message without gpg, unless LOYALTY_REQUIRE_GPG=true.
 */
@Slow
class EncryptedReportDownloadTest {
    private static final String PERIOD = "from=" + ReportDataSet.FROM + "&to=" + ReportDataSet.TO;
    private static final String FILE = "customers-" + ReportDataSet.FROM + "-" + ReportDataSet.TO;

    @TempDir
    Path gnupgHome;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aMerchantWithAKeyGetsReportsOnlyItsGpgDecryptsAndOthersStayPlain() throws Exception {
        Gpg gpg = Gpg.in(gnupgHome);
        gpg.run("--quick-gen-key", "Shop A Reports <reports@shop-a.example>", "default", "default", "never");
        String armored = gpg.run("--armor", "--export", "reports@shop-a.example");

        MerchantReportsExtension extension = new MerchantReportsExtension();
        try (HubFixture fixture = HubFixture.start(Map.of(), List.of(extension))) {
            ReportDataSet data = new ReportDataSet(fixture.hub().admin(), fixture.hub().cardReader(), fixture.hub().engine(),
                    fixture.hub().database());
            Shop a = data.shop("shopA");
            Shop b = data.shop("shopB");
            data.seed(a, b);
            String authA = basic(extension.credentials().issue(a.id()));
            String authB = basic(extension.credentials().issue(b.id()));

            HttpResponse<byte[]> plainA = get(fixture, authA, "customers", "");
            HttpResponse<byte[]> plainJsonA = get(fixture, authA, "customers", "&format=json");
            HttpResponse<byte[]> plainB = get(fixture, authB, "customers", "");
            String csvA = new String(plainA.body(), StandardCharsets.UTF_8);
            assertThat(csvA.split("\r\n")).hasSizeGreaterThan(1);
            assertThat(plainA.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");

            new MerchantPgpKeys(fixture.hub().database(), Clock.systemUTC()).register(a.id(), armored);

            // Accept-Encoding: gzip is asked for, and ignored: the OpenPGP message is compressed inside.
            HttpResponse<byte[]> encrypted = get(fixture, authA, "customers", "", "Accept-Encoding", "gzip");
            assertThat(encrypted.statusCode()).isEqualTo(200);
            assertThat(encrypted.headers().firstValue("Content-Type")).hasValue("application/pgp-encrypted");
            assertThat(encrypted.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"" + FILE + ".csv.pgp\"");
            assertThat(encrypted.headers().firstValue("Content-Encoding")).isEmpty();
            String raw = new String(encrypted.body(), StandardCharsets.ISO_8859_1);
            String firstCustomer = csvA.split("\r\n")[1];
            // Whole lines of the plain report, not short tokens: two random ciphertext bytes spell "c-" now and then.
            assertThat(raw).doesNotContain(csvA.substring(0, csvA.indexOf("\r\n")))
                    .doesNotContain(firstCustomer.substring(0, firstCustomer.indexOf(',')));

            Path file = Files.write(gnupgHome.resolve(FILE + ".csv.pgp"), encrypted.body());
            Gpg.Output decrypted = gpg.runToFile("--decrypt", file.toString());
            assertThat(Files.readAllBytes(decrypted.stdout())).isEqualTo(plainA.body());

            // The session key is AES-256 (algorithm 9) and the data sits in an integrity-protected packet (MDC).
            Gpg.Output packets = gpg.runToFile("--show-session-key", "--list-packets", file.toString());
            String listing = Files.readString(packets.stdout(), StandardCharsets.UTF_8);
            assertThat(packets.stderr()).containsPattern("session key: '9:[0-9A-F]{64}'");
            assertThat(listing).contains(":pubkey enc packet:").contains(":encrypted data packet:")
                    .contains("mdc_method: 2").contains(":compressed packet: algo=1")
                    .contains(":literal data packet:").contains("name=\"" + FILE + ".csv\"");

            // gzip=true is ignored as well, and JSON is encrypted the same way.
            HttpResponse<byte[]> encryptedJson = get(fixture, authA, "customers", "&format=json&gzip=true");
            assertThat(encryptedJson.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"" + FILE + ".json.pgp\"");
            assertThat(encryptedJson.headers().firstValue("Content-Encoding")).isEmpty();
            Path jsonFile = Files.write(gnupgHome.resolve(FILE + ".json.pgp"), encryptedJson.body());
            assertThat(Files.readAllBytes(gpg.runToFile("--decrypt", jsonFile.toString()).stdout()))
                    .isEqualTo(plainJsonA.body());

            // A's key never applies to B: B's reports stay plain, and gzip still works for B.
            HttpResponse<byte[]> stillPlainB = get(fixture, authB, "customers", "");
            assertThat(stillPlainB.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
            assertThat(stillPlainB.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"" + FILE + ".csv\"");
            assertThat(stillPlainB.body()).isEqualTo(plainB.body());
            HttpResponse<byte[]> gzipB = get(fixture, authB, "customers", "", "Accept-Encoding", "gzip");
            assertThat(gzipB.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(new GZIPInputStream(new ByteArrayInputStream(gzipB.body())).readAllBytes()).isEqualTo(plainB.body());

            // A stored key that can no longer encrypt (registration refuses such keys; this one stands for a key
            // whose encryption subkey has expired since) fails B's download instead of sending it in the clear.
            gpg.run("--quick-gen-key", "Shop B Signing <sign@shop-b.example>", "ed25519", "sign", "never");
            storeKeyAsIs(fixture, b, gpg.run("--armor", "--export", "sign@shop-b.example"));
            HttpResponse<byte[]> refused = send(fixture, authB, "customers", "");
            assertThat(refused.statusCode()).isEqualTo(500);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("\"code\":\"report-encryption-key-unusable\"")
                    .doesNotContain("c-");

            // The encrypted downloads are audited like any other.
            assertThat(fixture.queryLong("SELECT COUNT(*) FROM report_download WHERE merchant_id = ? AND outcome = 'COMPLETED'",
                    a.id().value())).isEqualTo(4);
        }
    }

    private static void storeKeyAsIs(HubFixture fixture, Shop shop, String armored) throws SQLException {
        ArmoredPublicKey key = ArmoredPublicKey.parse(armored);
        try (Connection c = fixture.hub().database().connection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO merchant_pgp_key (merchant_id, fingerprint, armored_key, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, shop.id().value());
            insert.setString(2, key.fingerprint());
            insert.setString(3, key.armored());
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            c.commit();
        }
    }

    private static String basic(MerchantCredential credential) {
        return "Basic " + Base64.getEncoder().encodeToString((credential.credentialId() + ":" + credential.secret())
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> get(HubFixture fixture, String auth, String report, String query, String... headers)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(fixture, auth, report, query, headers);
        assertThat(response.statusCode()).as(report + query).isEqualTo(200);
        return response;
    }

    private HttpResponse<byte[]> send(HubFixture fixture, String auth, String report, String query, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "/merchant/v1/reports/" + report
                + "?" + PERIOD + query)).header("Authorization", auth).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
