package io.loyaltyhub.hub.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.hub.HubFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merchants' OpenPGP keys, made by the stock gpg program in a temporary GNUPGHOME: registered per merchant with the
 * fingerprint gpg itself reports, and altered or wrong blocks refused. Without gpg the test is skipped with a message,
 * unless LOYALTY_REQUIRE_GPG=true.
 */
class MerchantPgpKeysTest {
    @TempDir
    Path gnupgHome;

    @Test
    void aKeyMadeByGpgIsRegisteredWithGpgsOwnFingerprintAndOnlyForItsMerchant() throws Exception {
        requireGpg();
        gpg("--quick-gen-key", "Books Reports <reports@books.example>", "rsa3072", "default", "never");
        String armored = gpg("--armor", "--export", "reports@books.example");
        String fingerprint = gpg("--with-colons", "--fingerprint", "reports@books.example").lines()
                .filter(l -> l.startsWith("fpr:")).findFirst().orElseThrow().split(":")[9];

        try (HubFixture fixture = HubFixture.start()) {
            HubFixture.Merchant books = fixture.merchant();
            HubFixture.Merchant pharma = fixture.merchant();
            MerchantPgpKeys keys = new MerchantPgpKeys(fixture.hub().database(), Clock.systemUTC());

            assertThat(keys.register(books.id(), armored)).isEqualTo(fingerprint);

            assertThat(keys.keyOf(books.id())).get().satisfies(k -> {
                assertThat(k.fingerprint()).isEqualTo(fingerprint);
                assertThat(ArmoredPublicKey.parse(k.armored()).fingerprint()).isEqualTo(fingerprint);
            });
            assertThat(keys.keyOf(pharma.id())).isEmpty();
        }
    }

    @Test
    void anAlteredOrWrongBlockIsRefused() throws Exception {
        requireGpg();
        gpg("--quick-gen-key", "Altered <altered@example.org>", "rsa3072", "default", "never");
        String armored = gpg("--armor", "--export", "altered@example.org");
        String[] lines = armored.split("\n");
        int middle = lines.length / 2;
        char c = lines[middle].charAt(10);
        lines[middle] = lines[middle].substring(0, 10) + (c == 'A' ? 'B' : 'A') + lines[middle].substring(11);
        assertThatThrownBy(() -> ArmoredPublicKey.parse(String.join("\n", lines))).hasMessageContaining("checksum");
        assertThatThrownBy(() -> ArmoredPublicKey.parse("hello")).hasMessageContaining("not an OpenPGP public key");
        String secret = gpg("--armor", "--pinentry-mode", "loopback", "--passphrase", "", "--export-secret-keys", "altered@example.org");
        assertThatThrownBy(() -> ArmoredPublicKey.parse(secret)).hasMessageContaining("not an OpenPGP public key");
    }

    private static void requireGpg() {
        boolean present;
        try {
            present = new ProcessBuilder("gpg", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        if (!present) {
            String message = "OpenPGP tests skipped: no gpg program (install gnupg; set LOYALTY_REQUIRE_GPG=true to fail instead)";
            if (Boolean.parseBoolean(System.getenv("LOYALTY_REQUIRE_GPG"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("[loyalty-hub] " + message);
            Assumptions.abort(message);
        }
    }

    private String gpg(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("gpg", "--batch", "--homedir", gnupgHome.toString(),
                "--passphrase", "", "--pinentry-mode", "loopback"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(gnupgHome, "gpg", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("gpg " + String.join(" ", args) + " failed");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
