package io.loyaltyhub.hub.poslog;

import io.loyaltyhub.hub.http.ProblemResponses;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/** The POSLog channel over HTTP: one POSLog document per POST, one result row per transaction in the answer. */
final class PosLogHttpRoutes extends EndpointRouteBuilder {

    static final String ROUTE_ID = "poslog-http";

    private final PosLogHttpProcessor documents;

    PosLogHttpRoutes(PosLogHttpProcessor documents) {
        this.documents = documents;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .log(LoggingLevel.ERROR, "POSLog request failed: ${exception.message}")
                .process(e -> ProblemResponses.answer(e, 500, "internal-error",
                        "unexpected error; transactions already stored are answered as duplicates when the document is sent again"));

        // No body handler: the processor authenticates from the headers first, then reads the document (RequestBodies).
        from(platformHttp("/pos/v1/poslog").httpMethodRestrict("POST").advanced().useBodyHandler(false))
                .routeId(ROUTE_ID)
                .process(documents);
    }
}
