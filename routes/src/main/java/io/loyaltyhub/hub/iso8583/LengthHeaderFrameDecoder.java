package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.adapters.iso8583.Framing;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.ByteOrder;
import org.apache.camel.component.netty.ChannelHandlerFactory;
import org.apache.camel.component.netty.DefaultChannelHandlerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the TCP stream into {@link Iso8583Frame}s by their length header, with Netty's length-field decoder
 * (header stripped, the limit checked as soon as a header is read). A header that announces more than the
 * listener's limit (or an ASCII header that is not digits) means the stream cannot be trusted to be in step
 * any more, so the connection is closed at once, before a byte of the body is read; the terminal reconnects
 * and resends. Netty's own answer to a too-long frame is to skip it and read on, which is why its exceptions
 * are caught here and turned into a close. Nothing of such a frame reaches the route, so nothing is credited.
 * Only sizes are logged, never a byte of the stream.
 */
final class LengthHeaderFrameDecoder extends LengthFieldBasedFrameDecoder {

    private static final Logger log = LoggerFactory.getLogger(LengthHeaderFrameDecoder.class);

    private final Framing framing;
    private final int maxMessageLength;
    private final String listener;
    private boolean outOfStep;

    LengthHeaderFrameDecoder(Framing framing, int maxMessageLength, String listener) {
        // The limit Netty checks is on the whole frame, header included.
        super(ByteOrder.BIG_ENDIAN, maxMessageLength + framing.headerLength(), 0, framing.headerLength(), 0,
                framing.headerLength(), true);
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

    /** A binary header is read by Netty itself; an ASCII-decimal one by the {@link Framing} that defines it. */
    @Override
    protected long getUnadjustedFrameLength(ByteBuf buf, int offset, int length, ByteOrder order) {
        if (framing == Framing.BINARY_2) {
            return super.getUnadjustedFrameLength(buf, offset, length, order);
        }
        byte[] header = new byte[length];
        buf.getBytes(offset, header);
        try {
            return framing.lengthOf(header, 0);
        } catch (Framing.FramingException e) {
            throw new CorruptedFrameException(e.getMessage());
        }
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        if (outOfStep) {
            in.skipBytes(in.readableBytes());
            return null;
        }
        ByteBuf message;
        try {
            message = (ByteBuf) super.decode(ctx, in);
        } catch (TooLongFrameException e) {
            closeOutOfStep(ctx, in, "length header announces more than the limit of " + maxMessageLength + " bytes");
            return null;
        } catch (CorruptedFrameException e) {
            closeOutOfStep(ctx, in, e.getMessage());
            return null;
        }
        if (message == null) {
            return null; // wait for the rest of the message
        }
        try {
            return message.isReadable() ? new Iso8583Frame(ByteBufUtil.getBytes(message)) : Iso8583Frame.KEEP_ALIVE;
        } finally {
            message.release();
        }
    }

    private void closeOutOfStep(ChannelHandlerContext ctx, ByteBuf in, String reason) {
        outOfStep = true;
        log.warn("ISO 8583 listener {}: closing connection from {}: {}", listener, ctx.channel().remoteAddress(), reason);
        in.skipBytes(in.readableBytes());
        ctx.close();
    }
}
