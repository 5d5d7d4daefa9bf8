package io.loyaltyhub.hub.iso8583;

import java.util.List;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * One route per ISO 8583 listener, routeId {@code iso8583-<listener name>}.
 *
 * <p>Why camel-netty and not a small NIO server of our own: Netty already does non-blocking accept, read
 * and write on a small event loop (the hub shares two cores with the engine and the broker), handles
 * partial reads and slow peers, and starts and stops with the CamelContext; the only protocol code we
 * add is the length-header decoder. Being a route, each listener shows up in Camel's health and JMX and
 * can be stopped like any other route. The answer is produced asynchronously, so a terminal waiting
 * for the engine holds no thread.
 */
public final class Iso8583Routes extends EndpointRouteBuilder {

    private final List<Iso8583Listener> listeners;

    public Iso8583Routes(List<Iso8583Listener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void configure() {
        for (Iso8583Listener listener : listeners) {
            Iso8583ListenerSettings settings = listener.settings();
            String decoder = "iso8583-decoder-" + settings.name();
            String encoder = "iso8583-encoder-" + settings.name();
            String idle = "iso8583-idle-" + settings.name();
            getContext().getRegistry().bind(decoder,
                    LengthHeaderFrameDecoder.factory(settings.framing(), settings.maxMessageLength(), settings.name()));
            getContext().getRegistry().bind(encoder, new LengthHeaderFrameEncoder(settings.framing()));
            String decoders = "#" + decoder;
            if (!settings.idleTimeout().isZero()) {
                getContext().getRegistry().bind(idle, IdleConnectionCloser.factory(settings.idleTimeout(), settings.name()));
                decoders = "#" + idle + "," + decoders;
            }

            from(netty("tcp://" + settings.host() + ":" + settings.port())
                    .sync(true)
                    .reuseAddress(true)
                    .decoders(decoders)
                    .encoders("#" + encoder)
                    .advanced().disconnectOnNoReply(true))
                    .routeId("iso8583-" + settings.name())
                    .process(new Iso8583AnswerProcessor(listener.handler()));
        }
    }
}
