package io.loyaltyhub.hub.iso8583;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.netty.ChannelHandlerFactory;
import org.apache.camel.component.netty.DefaultChannelHandlerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection on which nothing has arrived for the listener's idle timeout. Terminals that keep
 * their connection open send echo tests or keep-alives well within it; a half-open connection or a peer
 * that connects and says nothing would otherwise hold a socket for ever on a port that is open to the
 * store network.
 */
final class IdleConnectionCloser extends IdleStateHandler {

    private static final Logger log = LoggerFactory.getLogger(IdleConnectionCloser.class);

    private final String listener;

    private IdleConnectionCloser(Duration idleTimeout, String listener) {
        super(idleTimeout.toMillis(), 0, 0, TimeUnit.MILLISECONDS);
        this.listener = listener;
    }

    /** A fresh handler per connection: it keeps that connection's timer. */
    static ChannelHandlerFactory factory(Duration idleTimeout, String listener) {
        return new DefaultChannelHandlerFactory() {
            @Override
            public ChannelHandler newChannelHandler() {
                return new IdleConnectionCloser(idleTimeout, listener);
            }
        };
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
        log.info("ISO 8583 listener {}: closing idle connection from {}", listener, ctx.channel().remoteAddress());
        ctx.close();
    }
}
