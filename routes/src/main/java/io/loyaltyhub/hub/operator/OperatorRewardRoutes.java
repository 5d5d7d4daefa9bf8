package io.loyaltyhub.hub.operator;

import io.loyaltyhub.hub.http.HttpProblems;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/** The operator API's rewards catalogue, mailed gifts and point values (/operator/v1/rewards, /redemptions, /point-values). */
final class OperatorRewardRoutes extends EndpointRouteBuilder {
    private final OperatorRewardRequests api;

    OperatorRewardRoutes(OperatorRewardRequests api) {
        this.api = api;
    }

    @Override
    public void configure() {
        route("/operator/v1/rewards", "POST", "operator-reward-add", OperatorRewardRequests::add, 201);
        route("/operator/v1/rewards", "GET", "operator-reward-list", OperatorRewardRequests::list, 200);
        route("/operator/v1/rewards/{code}", "GET", "operator-reward-show", OperatorRewardRequests::show, 200);
        route("/operator/v1/rewards/{code}/cost", "PUT", "operator-reward-cost", OperatorRewardRequests::setCost, 200);
        route("/operator/v1/rewards/{code}/redemptions", "POST", "operator-reward-reserve", OperatorRewardRequests::reserve, 201);
        route("/operator/v1/redemptions/{id}/fulfil", "POST", "operator-redemption-fulfil", OperatorRewardRequests::fulfil, 200);
        route("/operator/v1/redemptions/{id}/cancel", "POST", "operator-redemption-cancel", OperatorRewardRequests::cancel, 200);
        route("/operator/v1/point-values", "GET", "operator-point-values", OperatorRewardRequests::pointValues, 200);
        route("/operator/v1/point-values/{currency}", "PUT", "operator-point-value-set", OperatorRewardRequests::setPointValue, 200);
    }

    // No body handler: the operator is authenticated from the headers first, then the body is read (bounded).
    private void route(String path, String method, String routeId, OperatorRewardRequests.Operation operation, int status) {
        from(platformHttp(path).httpMethodRestrict(method).advanced().useBodyHandler(false))
                .routeId(routeId)
                .routeConfigurationId(HttpProblems.ID)
                .process(exchange -> api.answer(exchange, operation, status));
    }
}
