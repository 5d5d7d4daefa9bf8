package io.loyaltyhub.hub.operator;

import io.loyaltyhub.hub.http.HttpProblems;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/** The operator API's settlement figures (/operator/v1/settlement). */
final class OperatorSettlementRoutes extends EndpointRouteBuilder {
    private final OperatorSettlementRequests api;

    OperatorSettlementRoutes(OperatorSettlementRequests api) {
        this.api = api;
    }

    @Override
    public void configure() {
        from(platformHttp("/operator/v1/settlement/liability").httpMethodRestrict("GET").advanced().useBodyHandler(false))
                .routeId("operator-settlement-liability")
                .routeConfigurationId(HttpProblems.ID)
                .process(api::liability);
    }
}
