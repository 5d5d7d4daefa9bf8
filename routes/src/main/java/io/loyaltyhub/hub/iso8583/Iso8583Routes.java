package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.hub.config.ListenAddress;
import io.loyaltyhub.hub.intake.AwaitVerdict;
import io.loyaltyhub.hub.intake.IntakeRoutes;
import io.netty.channel.ServerChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * One route per ISO 8583 listener, routeId {@code iso8583-<listener name>}.
 *
 * <p>Why camel-netty and not a small NIO server of our own: Netty already does non-blocking accept, read
 * and write on a small event loop (the hub shares two cores with the engine and the broker), handles
 * partial reads and slow peers, frames messages with its length-field codecs (configured per framing), and starts
 * and stops with the CamelContext. Each route reads the request, sends its transaction through the intake
 * ({@link IntakeRoutes}), awaits the verdict and answers; failures are answered by {@link Iso8583Errors}. Being a
 * route, each listener shows up in Camel's health and JMX and
 * can be stopped like any other route. The answer is produced asynchronously, so a terminal waiting
 * for the engine holds no thread.
 *
 * <p>Each listener's channels (its server socket and the connections it accepted) are kept in a channel group of
 * its own, so that the port it really listens on can be read back: a listener configured on port 0 gets a free
 * port from the operating system when its route starts.
 */
public final class Iso8583Routes extends EndpointRouteBuilder {

    private final List<Iso8583Listener> listeners;
    /** Listener name → the channels of that listener. */
    private final Map<String, ChannelGroup> channels = new ConcurrentHashMap<>();

    private final String intakeUri;

    public Iso8583Routes(List<Iso8583Listener> listeners) {
        this(listeners, IntakeRoutes.URI);
    }

    /** Listeners whose transactions go to another intake than the hub's (tests give one listener a gateway of its own). */
    public Iso8583Routes(List<Iso8583Listener> listeners, String intakeUri) {
        this.listeners = List.copyOf(listeners);
        this.intakeUri = intakeUri;
    }

    @Override
    public void configure() {
        for (Iso8583Listener listener : listeners) {
            Iso8583ListenerSettings settings = listener.settings();
            ListenAddress.requireFree("the ISO 8583 listener " + settings.name(), settings.host(), settings.port(),
                    "hub.iso8583.listeners");
            String decoder = "iso8583-decoder-" + settings.name();
            String encoder = "iso8583-encoder-" + settings.name();
            String idle = "iso8583-idle-" + settings.name();
            String group = "iso8583-channels-" + settings.name();
            ChannelGroup listenerChannels = new DefaultChannelGroup(group, ImmediateEventExecutor.INSTANCE);
            channels.put(settings.name(), listenerChannels);
            getContext().getRegistry().bind(group, listenerChannels);
            getContext().getRegistry().bind(decoder,
                    LengthHeaderFrameDecoder.factory(settings.framing(), settings.maxMessageLength(), settings.name()));
            getContext().getRegistry().bind(encoder, LengthHeaderEncoders.of(settings.framing()));
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
                    .advanced().disconnectOnNoReply(true).channelGroup("#" + group))
                    .routeId("iso8583-" + settings.name())
                    .routeConfigurationId(Iso8583Errors.ID)
                    .process(listener.handler()::readRequest)
                    .filter(body().isInstanceOf(PosTransaction.class))
                        .to(intakeUri)
                        .process(new AwaitVerdict(settings.answerTimeout()))
                        .process(listener.handler()::answerVerdict)
                    .end();
        }
    }

    /**
     * The port a listener listens on: the configured one, or the one the operating system chose when it was
     * configured as 0.
     *
     * @throws IllegalArgumentException when no listener has that name
     * @throws IllegalStateException when the listener's route is not running
     */
    public int listeningPort(String listenerName) {
        ChannelGroup group = channels.get(listenerName);
        if (group == null) {
            throw new IllegalArgumentException("no ISO 8583 listener is named " + listenerName);
        }
        return group.stream()
                .filter(ServerChannel.class::isInstance)
                .map(server -> ((InetSocketAddress) server.localAddress()).getPort())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("ISO 8583 listener " + listenerName + " is not listening"));
    }
}
