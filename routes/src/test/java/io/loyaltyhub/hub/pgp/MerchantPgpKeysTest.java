package io.loyaltyhub.hub.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merchants' OpenPGP keys, made by the stock gpg program in a temporary GNUPGHOME: registered per merchant with the
 * fingerprint gpg itself reports, and altered or wrong blocks refused. Without gpg the test is skipped with a message,
 * unless LOYALTY_REQUIRE_GPG=true.
 */
@Slow
class MerchantPgpKeysTest {
    @TempDir
    Path gnupgHome;

    @Test
    void aKeyMadeByGpgIsRegisteredWithGpgsOwnFingerprintAndOnlyForItsMerchant() throws Exception {
        Gpg gpg = Gpg.in(gnupgHome);
        gpg.run("--quick-gen-key", "Books Reports <reports@books.example>", "default", "default", "never");
        String armored = gpg.run("--armor", "--export", "reports@books.example");
        String fingerprint = gpg.run("--with-colons", "--fingerprint", "reports@books.example").lines()
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

            gpg.run("--quick-gen-key", "Signing Only <sign@pharma.example>", "ed25519", "sign", "never");
            String signingOnly = gpg.run("--armor", "--export", "sign@pharma.example");
            assertThatThrownBy(() -> keys.register(pharma.id(), signingOnly))
                    .hasMessageContaining("no usable encryption subkey");
            assertThat(keys.keyOf(pharma.id())).isEmpty();
        }
    }

    @Test
    void anAlteredOrWrongBlockIsRefused() throws Exception {
        Gpg gpg = Gpg.in(gnupgHome);
        gpg.run("--quick-gen-key", "Altered <altered@example.org>", "rsa3072", "default", "never");
        String armored = gpg.run("--armor", "--export", "altered@example.org");
        String[] lines = armored.split("\n");
        int middle = lines.length / 2;
        char c = lines[middle].charAt(10);
        lines[middle] = lines[middle].substring(0, 10) + (c == 'A' ? 'B' : 'A') + lines[middle].substring(11);
        assertThatThrownBy(() -> ArmoredPublicKey.parse(String.join("\n", lines))).hasMessageContaining("checksum");
        assertThatThrownBy(() -> ArmoredPublicKey.parse("hello")).hasMessageContaining("not an OpenPGP public key");
        String secret = gpg.run("--armor", "--pinentry-mode", "loopback", "--passphrase", "", "--export-secret-keys", "altered@example.org");
        assertThatThrownBy(() -> ArmoredPublicKey.parse(secret)).hasMessageContaining("not an OpenPGP public key");
    }
}
