package io.loyaltyhub.hub.operator;

import io.loyaltyhub.hub.http.HttpProblems;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/** The operator API (/operator/v1): households and the card's life, each under an operator credential. */
final class OperatorHttpRoutes extends EndpointRouteBuilder {
    private final OperatorRequests api;

    OperatorHttpRoutes(OperatorRequests api) {
        this.api = api;
    }

    @Override
    public void configure() {
        get("/operator/v1/households/{id}", "operator-household-show", OperatorRequests::show);
        post("/operator/v1/households/{id}/cards", "operator-household-link", OperatorRequests::link);
        post("/operator/v1/households/{id}/merge", "operator-household-merge", OperatorRequests::merge);
        post("/operator/v1/cards/household", "operator-card-household", OperatorRequests::householdOfCard);
        post("/operator/v1/cards/leave", "operator-card-leave", OperatorRequests::leave);
        post("/operator/v1/cards/activate", "operator-card-activate", OperatorRequests::activate);
        post("/operator/v1/cards/block", "operator-card-block", OperatorRequests::block);
        post("/operator/v1/cards/unblock", "operator-card-unblock", OperatorRequests::unblock);
        post("/operator/v1/cards/replace", "operator-card-replace", OperatorRequests::replace);
    }

    private void get(String path, String routeId, OperatorRequests.Operation operation) {
        route(path, "GET", routeId, operation);
    }

    private void post(String path, String routeId, OperatorRequests.Operation operation) {
        route(path, "POST", routeId, operation);
    }

    // No body handler: the operator is authenticated from the headers first, then the body is read (bounded).
    private void route(String path, String method, String routeId, OperatorRequests.Operation operation) {
        from(platformHttp(path).httpMethodRestrict(method).advanced().useBodyHandler(false))
                .routeId(routeId)
                .routeConfigurationId(HttpProblems.ID)
                .process(exchange -> api.answer(exchange, operation));
    }
}
