package io.loyaltyhub.adapters.iso8583;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import org.junit.jupiter.api.Test;

class FramingTest {

    private static final byte[] MESSAGE = "0800822000000000000004000000000000000612143055000001301".getBytes();

    @Test
    void binaryHeaderIsTheLengthInTwoBigEndianBytes() {
        byte[] frame = Framing.BINARY_2.frame(new byte[300]);

        assertThat(frame).hasSize(302);
        assertThat(frame[0]).isEqualTo((byte) 0x01);
        assertThat(frame[1]).isEqualTo((byte) 0x2C);
    }

    @Test
    void asciiHeaderIsTheLengthInFourDigits() {
        byte[] frame = Framing.ASCII_4.frame(MESSAGE);

        assertThat(new String(frame, 0, 4)).isEqualTo("0055");
        assertThat(frame).endsWith(MESSAGE);
    }

    @Test
    void readsBackWhatItWroteForBothFramings() throws Exception {
        for (Framing framing : Framing.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            framing.write(out, MESSAGE);
            framing.write(out, new byte[0]);
            ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());

            assertThat(framing.read(in, 9999)).isEqualTo(MESSAGE);
            assertThat(framing.read(in, 9999)).as("keep-alive frame").isEmpty();
            assertThatThrownBy(() -> framing.read(in, 9999)).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void aHeaderAnnouncingMoreThanTheLimitIsAFramingFault() {
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[] {(byte) 0xFF, (byte) 0xFF, '0', '2'});

        assertThatThrownBy(() -> Framing.BINARY_2.read(in, 4096))
                .isInstanceOf(Framing.FramingException.class)
                .hasMessageContaining("65535");
    }

    @Test
    void anAsciiHeaderWithANonDigitIsAFramingFault() {
        assertThatThrownBy(() -> Framing.ASCII_4.lengthOf("00A5".getBytes(), 0))
                .isInstanceOf(Framing.FramingException.class);
    }

    @Test
    void readsItsConfigurationName() {
        assertThat(Framing.fromConfig("ascii-4")).isEqualTo(Framing.ASCII_4);
        assertThat(Framing.fromConfig(" BINARY_2 ")).isEqualTo(Framing.BINARY_2);
    }
}
