package io.loyaltyhub.hub.http;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/** The HTTP JSON channel for terminals, plus a health check. */
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

        from(platformHttp("/pos/v1/transactions").httpMethodRestrict("POST"))
                .routeId("pos-http-transactions")
                .process(swipes);

        from(platformHttp("/health").httpMethodRestrict("GET"))
                .routeId("hub-health")
                .setHeader("Content-Type", constant("application/json"))
                .setBody(constant("{\"status\":\"up\"}"));
    }
}
