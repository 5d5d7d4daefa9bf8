package io.loyaltyhub.hub.intake;

import io.loyaltyhub.hub.swipe.SwipeGateway;
import org.apache.camel.builder.RouteBuilder;

/**
 * The one way into the points engine. Every channel decodes what its terminals send into a
 * {@link io.loyaltyhub.domain.txn.PosTransaction} in its own route, then sends it here:
 *
 * <pre>
 *   channel route:  authenticate → read → check → decode ─┐
 *   intake route:                                          └→ submit to the swipe queue (durable) → Submitted
 *   channel route:  await the verdict (online channels) → answer in the channel's own protocol
 * </pre>
 *
 * <p>Behind the queue the engine's batch consumer credits the swipes and answers on the node's reply queue
 * (hand-written JMS: {@link io.loyaltyhub.hub.swipe.SwipeBatchConsumer} and
 * {@link io.loyaltyhub.hub.swipe.ArtemisSwipeGateway} say why). Channels that carry many transactions per request
 * (files, POSLog documents) send each one through this route too, via {@link CamelIntake}.
 */
public final class IntakeRoutes extends RouteBuilder {
    /** Where every channel hands its decoded transactions. */
    public static final String URI = "direct:intake";
    public static final String ROUTE_ID = "intake";

    private final String uri;
    private final String routeId;
    private final SwipeGateway swipeQueue;

    public IntakeRoutes(SwipeGateway swipeQueue) {
        this(URI, ROUTE_ID, swipeQueue);
    }

    /** An intake under another address (tests that give one channel a gateway of its own). */
    public IntakeRoutes(String uri, String routeId, SwipeGateway swipeQueue) {
        this.uri = uri;
        this.routeId = routeId;
        this.swipeQueue = swipeQueue;
    }

    @Override
    public void configure() {
        from(uri)
                .routeId(routeId)
                .process(new SubmitToSwipeQueue(swipeQueue));
    }
}
