package io.loyaltyhub.hub.iso8583;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.adapters.iso8583.Framing;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LengthHeaderEncodersTest {

    private static final byte[] ANSWER = "0810...".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aBinaryListenerPutsATwoByteBigEndianLengthInFrontOfTheAnswer() {
        assertThat(sent(Framing.BINARY_2, ANSWER)).isEqualTo(Framing.BINARY_2.frame(ANSWER));
        assertThat(sent(Framing.BINARY_2, ANSWER)).startsWith(0, ANSWER.length);
    }

    @Test
    void anAsciiListenerPutsFourDecimalDigitsInFrontOfTheAnswer() {
        assertThat(new String(sent(Framing.ASCII_4, ANSWER), StandardCharsets.US_ASCII)).isEqualTo("0007" + "0810...");
    }

    @Test
    void aKeepAliveIsAnsweredWithAnEmptyFrame() {
        assertThat(sent(Framing.BINARY_2, new byte[0])).containsExactly(0, 0);
        assertThat(sent(Framing.ASCII_4, new byte[0])).isEqualTo("0000".getBytes(StandardCharsets.US_ASCII));
    }

    /** The handlers in a pipeline in the order camel-netty adds them, and what reaches the socket for one answer. */
    private static byte[] sent(Framing framing, byte[] answer) {
        EmbeddedChannel channel = new EmbeddedChannel(LengthHeaderEncoders.of(framing).toArray(ChannelHandler[]::new));
        channel.writeOutbound(new Iso8583Frame(answer));
        ByteBuf wire = channel.alloc().buffer();
        for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
            wire.writeBytes(part);
            part.release();
        }
        byte[] bytes = ByteBufUtil.getBytes(wire);
        wire.release();
        channel.finishAndReleaseAll();
        return bytes;
    }
}
