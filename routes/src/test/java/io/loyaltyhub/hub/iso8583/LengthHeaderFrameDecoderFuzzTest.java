package io.loyaltyhub.hub.iso8583;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loyaltyhub.adapters.iso8583.Framing;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.LoggerFactory;

/**
 * The listener's framing under the fuzzer: a TCP stream, arriving in arbitrary pieces, is cut into exactly the
 * frames its length headers announce, up to the first header that is not digits (ASCII) or announces more than the
 * limit, where the connection is closed and nothing more is read; the decoder itself never throws. The expected
 * frames come from a plain reading of the stream, independent of how it was cut into pieces.
 * The framing, the limit and the piece sizes are taken from the end of the fuzzer's input, the stream is the rest.
 * Kept inputs: src/test/resources/io/loyaltyhub/hub/iso8583/LengthHeaderFrameDecoderFuzzTestInputs/.
 */
class LengthHeaderFrameDecoderFuzzTest {

    private static final Logger DECODER_LOG = (Logger) LoggerFactory.getLogger(LengthHeaderFrameDecoder.class);
    private static Level levelBefore;

    /** Every out-of-step stream is logged as a warning: at fuzzing speed the console, not the decoder, would be measured. */
    @BeforeAll
    static void quietDecoderLog() {
        levelBefore = DECODER_LOG.getLevel();
        DECODER_LOG.setLevel(Level.ERROR);
    }

    @AfterAll
    static void restoreDecoderLog() {
        DECODER_LOG.setLevel(levelBefore);
    }

    @FuzzTest
    void anyByteStreamIsCutIntoTheAnnouncedFramesOrTheConnectionIsClosed(FuzzedDataProvider data) {
        Framing framing = data.consumeBoolean() ? Framing.ASCII_4 : Framing.BINARY_2;
        int limit = data.consumeInt(64, framing == Framing.ASCII_4 ? 9999 : 65535);
        int[] pieces = new int[data.consumeInt(1, 6)];
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = data.consumeInt(1, 256);
        }
        byte[] stream = data.consumeRemainingAsBytes();
        Reading expected = read(framing, limit, stream);

        EmbeddedChannel channel = new EmbeddedChannel(new LengthHeaderFrameDecoder(framing, limit, "fuzz"));
        int from = 0;
        for (int i = 0; from < stream.length && channel.isOpen(); i++) {
            int to = i < pieces.length - 1 ? Math.min(stream.length, from + pieces[i]) : stream.length;
            channel.writeInbound(Unpooled.wrappedBuffer(stream, from, to - from));
            channel.checkException();
            from = to;
        }
        List<byte[]> frames = new ArrayList<>();
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            assertThat(message).isInstanceOf(Iso8583Frame.class);
            frames.add(((Iso8583Frame) message).bytes());
        }

        assertThat(frames).as("frames").usingElementComparator(Arrays::compare).containsExactlyElementsOf(expected.frames());
        assertThat(channel.isOpen()).as("connection still open").isEqualTo(!expected.outOfStep());
        channel.finishAndReleaseAll();
    }

    private record Reading(List<byte[]> frames, boolean outOfStep) {
    }

    /** The stream read whole, header by header. */
    private static Reading read(Framing framing, int limit, byte[] stream) {
        List<byte[]> frames = new ArrayList<>();
        int header = framing.headerLength();
        int at = 0;
        while (stream.length - at >= header) {
            int length = 0;
            for (int i = 0; i < header; i++) {
                int b = stream[at + i] & 0xFF;
                if (framing == Framing.BINARY_2) {
                    length = length * 256 + b;
                } else if (b >= '0' && b <= '9') {
                    length = length * 10 + (b - '0');
                } else {
                    return new Reading(frames, true);
                }
            }
            if (length > limit) {
                return new Reading(frames, true);
            }
            if (stream.length - at - header < length) {
                break;
            }
            frames.add(Arrays.copyOfRange(stream, at + header, at + header + length));
            at += header + length;
        }
        return new Reading(frames, false);
    }
}
