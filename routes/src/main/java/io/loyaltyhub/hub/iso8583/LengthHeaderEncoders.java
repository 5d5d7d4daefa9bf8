package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.adapters.iso8583.Framing;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * The outbound side of a listener's framing: an answer's bytes, then its length header in front. Bound in Camel's
 * registry as one list under the listener's encoder name; camel-netty adds the list in order and an answer passes
 * it from the last to the first, so the frame becomes bytes before the header is put in front. A binary header is
 * written by Netty's {@link LengthFieldPrepender}; Netty has no ASCII-decimal one, so that header is written from
 * the {@link Framing} that defines it. None of these handlers keeps state, so one instance serves every connection.
 */
final class LengthHeaderEncoders {

    private LengthHeaderEncoders() {
    }

    static List<ChannelHandler> of(Framing framing) {
        ChannelHandler header = framing == Framing.BINARY_2
                ? new LengthFieldPrepender(framing.headerLength())
                : new AsciiLengthHeader(framing);
        return List.of(header, new FrameBytes());
    }

    @ChannelHandler.Sharable
    private static final class FrameBytes extends MessageToMessageEncoder<Iso8583Frame> {
        FrameBytes() {
            super(Iso8583Frame.class);
        }

        @Override
        protected void encode(ChannelHandlerContext ctx, Iso8583Frame frame, List<Object> out) {
            out.add(Unpooled.wrappedBuffer(frame.bytes()));
        }
    }

    @ChannelHandler.Sharable
    private static final class AsciiLengthHeader extends MessageToMessageEncoder<ByteBuf> {
        private final Framing framing;

        AsciiLengthHeader(Framing framing) {
            super(ByteBuf.class);
            this.framing = framing;
        }

        @Override
        protected void encode(ChannelHandlerContext ctx, ByteBuf message, List<Object> out) {
            out.add(Unpooled.wrappedBuffer(framing.header(message.readableBytes())));
            out.add(message.retain());
        }
    }
}
