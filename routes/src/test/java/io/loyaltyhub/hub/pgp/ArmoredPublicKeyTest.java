package io.loyaltyhub.hub.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Registration checks on keys exported by gpg 2.2 (kept in test resources, so no gpg is needed here): the fingerprint
 * is gpg's, the stored block is the armor alone, and malformed armor is refused with a message saying what is wrong.
 */
class ArmoredPublicKeyTest {
    /** What {@code gpg --fingerprint reports@books.example} printed for the key in books-reports.asc. */
    private static final String BOOKS_FINGERPRINT = "A7B1D10DBDB2C528C863570179373B6C29BA9C3A";
    private static final String BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    private static final String END = "-----END PGP PUBLIC KEY BLOCK-----";

    private static String resource(String name) throws IOException {
        try (InputStream in = ArmoredPublicKeyTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void aKeyInAnEmailIsReadWithGpgsFingerprintAndOnlyItsArmorIsKept() throws IOException {
        String armored = resource("books-reports.asc");

        ArmoredPublicKey key = ArmoredPublicKey.parse("Hello, here is our key:\n\n" + armored + "\nBest regards\n");

        assertThat(key.fingerprint()).isEqualTo(BOOKS_FINGERPRINT);
        assertThat(key.armored()).startsWith(BEGIN).endsWith(END + "\n").doesNotContain("Hello", "regards");
        assertThat(ArmoredPublicKey.parse(key.armored())).isEqualTo(key);
    }

    @Test
    void theChecksumLineIsOptionalButMustMatchWhenPresent() throws IOException {
        String armored = resource("books-reports.asc");
        List<String> lines = Arrays.asList(armored.split("\n"));
        String withoutChecksum = String.join("\n", lines.stream().filter(l -> !l.matches("=[A-Za-z0-9+/]{4}")).toList());
        assertThat(ArmoredPublicKey.parse(withoutChecksum).fingerprint()).isEqualTo(BOOKS_FINGERPRINT);

        String[] altered = armored.split("\n");
        int middle = altered.length / 2;
        char c = altered[middle].charAt(10);
        altered[middle] = altered[middle].substring(0, 10) + (c == 'A' ? 'B' : 'A') + altered[middle].substring(11);
        assertThatThrownBy(() -> ArmoredPublicKey.parse(String.join("\n", altered)))
                .hasMessage("not an OpenPGP public key: the armor checksum does not match: the key was altered or cut");
    }

    @Test
    void malformedArmorIsRefusedWithWhatIsWrong() throws IOException {
        String armored = resource("books-reports.asc");
        String[] lines = armored.split("\n");

        String notBase64 = armored.replace(lines[3], "!!!!" + lines[3].substring(4));
        assertThatThrownBy(() -> ArmoredPublicKey.parse(notBase64))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not an OpenPGP public key: the armor is malformed");
        String badHeader = armored.replace(BEGIN + "\n", BEGIN + "\nthis is no header\n");
        assertThatThrownBy(() -> ArmoredPublicKey.parse(badHeader))
                .hasMessageStartingWith("not an OpenPGP public key: the armor is malformed");
        String noBody = BEGIN + "\n\n" + END + "\n";
        assertThatThrownBy(() -> ArmoredPublicKey.parse(noBody)).hasMessageStartingWith("not an OpenPGP public key: ");
        String cutShort = String.join("\n", Arrays.copyOfRange(lines, 0, 5)) + "\n" + END + "\n";
        assertThatThrownBy(() -> ArmoredPublicKey.parse(cutShort))
                .hasMessageStartingWith("not an OpenPGP public key: the block holds no readable public key");
        String noEnd = armored.replace(END, "");
        assertThatThrownBy(() -> ArmoredPublicKey.parse(noEnd)).hasMessageContaining("no '" + BEGIN + "' … '" + END + "' block");
        String message = armored.replace("PUBLIC KEY BLOCK", "MESSAGE");
        assertThatThrownBy(() -> ArmoredPublicKey.parse(message)).hasMessageContaining("no '" + BEGIN);
        assertThatThrownBy(() -> ArmoredPublicKey.parse("x".repeat(60_001))).hasMessageContaining("larger than 60000 characters");
        assertThatThrownBy(() -> ArmoredPublicKey.parse(null)).hasMessageStartingWith("not an OpenPGP public key: ");
    }

    @Test
    void aBlockWithTwoKeysIsRefusedSoTheFingerprintComparedIsTheOneUsed() throws IOException {
        assertThatThrownBy(() -> ArmoredPublicKey.parse(resource("two-keys.asc")))
                .hasMessage("not an OpenPGP public key: the block holds 2 keys: export only the one reports are encrypted to");
    }
}
