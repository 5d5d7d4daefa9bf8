package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.adapters.iso8583.Framing;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.apache.camel.component.netty.ChannelHandlerFactory;
import org.apache.camel.component.netty.DefaultChannelHandlerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the TCP stream into {@link Iso8583Frame}s by their length header. A header that announces more
 * than the listener's limit (or an ASCII header that is not digits) means the stream cannot be trusted
 * to be in step any more, so the connection is closed at once, before a byte of the body is read; the
 * terminal reconnects and resends. Nothing of such a frame reaches the route, so nothing is credited.
 */
final class LengthHeaderFrameDecoder extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(LengthHeaderFrameDecoder.class);

    private final Framing framing;
    private final int maxMessageLength;
    private final String listener;

    LengthHeaderFrameDecoder(Framing framing, int maxMessageLength, String listener) {
        this.framing = framing;
        this.maxMessageLength = maxMessageLength;
        this.listener = listener;
    }

    /** Camel's netty component asks a factory for a fresh decoder per connection: a decoder keeps per-stream state. */
    static ChannelHandlerFactory factory(Framing framing, int maxMessageLength, String listener) {
        return new DefaultChannelHandlerFactory() {
            @Override
            public ChannelHandler newChannelHandler() {
                return new LengthHeaderFrameDecoder(framing, maxMessageLength, listener);
            }
        };
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= framing.headerLength()) {
            byte[] header = new byte[framing.headerLength()];
            in.getBytes(in.readerIndex(), header);
            int length;
            try {
                length = framing.lengthOf(header, 0);
            } catch (Framing.FramingException e) {
                closeOutOfStep(ctx, in, e.getMessage());
                return;
            }
            if (length > maxMessageLength) {
                closeOutOfStep(ctx, in, "length header announces " + length + " bytes, the limit is " + maxMessageLength);
                return;
            }
            if (in.readableBytes() < framing.headerLength() + length) {
                return; // wait for the rest of the message
            }
            in.skipBytes(framing.headerLength());
            byte[] message = new byte[length];
            in.readBytes(message);
            out.add(length == 0 ? Iso8583Frame.KEEP_ALIVE : new Iso8583Frame(message));
        }
    }

    private void closeOutOfStep(ChannelHandlerContext ctx, ByteBuf in, String reason) {
        log.warn("ISO 8583 listener {}: closing connection from {}: {}", listener, ctx.channel().remoteAddress(), reason);
        in.skipBytes(in.readableBytes());
        ctx.close();
    }
}
