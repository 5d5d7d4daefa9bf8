package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.adapters.iso8583.Framing;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Puts the listener's length header in front of each answer. Holds no state, so one instance serves every connection. */
@ChannelHandler.Sharable
final class LengthHeaderFrameEncoder extends MessageToByteEncoder<Iso8583Frame> {

    private final Framing framing;

    LengthHeaderFrameEncoder(Framing framing) {
        super(Iso8583Frame.class);
        this.framing = framing;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Iso8583Frame frame, ByteBuf out) {
        out.writeBytes(framing.header(frame.bytes().length));
        out.writeBytes(frame.bytes());
    }
}
