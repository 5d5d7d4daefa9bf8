package io.loyaltyhub.hub.http;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/** The HTTP JSON channel for terminals. */
public final class PosHttpRoutes extends EndpointRouteBuilder {
    private final HttpSwipeProcessor swipes;

    public PosHttpRoutes(HttpSwipeProcessor swipes) {
        this.swipes = swipes;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .log(org.apache.camel.LoggingLevel.ERROR, "request failed: ${exception.message}")
                .process(e -> ProblemResponses.answer(e, 500, "internal-error", "unexpected error; nothing was accepted"));

        // No body handler: the processor authenticates from the headers first, then reads the body (RequestBodies).
        from(platformHttp("/pos/v1/transactions").httpMethodRestrict("POST").advanced().useBodyHandler(false))
                .routeId("pos-http-transactions")
                .process(swipes);
    }
}
