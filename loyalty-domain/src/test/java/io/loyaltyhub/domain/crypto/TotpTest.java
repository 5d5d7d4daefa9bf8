package io.loyaltyhub.domain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {
    /** RFC 6238 appendix B, SHA-1 seed "12345678901234567890", last six digits of the eight-digit values. */
    private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void theCodesAreThoseOfRfc6238() {
        assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
    }

    @Test
    void aCodeOfTheNeighbouringStepIsAcceptedAndNoOther() {
        Instant now = Instant.ofEpochSecond(1111111109);
        assertThat(Totp.matches(RFC_SECRET, Totp.codeAt(RFC_SECRET, now.minusSeconds(30)), now)).isTrue();
        assertThat(Totp.matches(RFC_SECRET, Totp.codeAt(RFC_SECRET, now.plusSeconds(30)), now)).isTrue();
        assertThat(Totp.matches(RFC_SECRET, Totp.codeAt(RFC_SECRET, now.minusSeconds(90)), now)).isFalse();
        assertThat(Totp.matches(RFC_SECRET, "12345", now)).isFalse();
        assertThat(Totp.matches(RFC_SECRET, null, now)).isFalse();
    }

    @Test
    void base32RoundTrips() {
        String secret = Totp.newSecret();
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.base32(Totp.base32Decode(secret))).isEqualTo(secret);
    }
}
