package io.loyaltyhub.hub.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.hub.http.HttpProblems;
import io.loyaltyhub.hub.http.ProblemResponses;
import io.loyaltyhub.hub.http.ResponseBodies;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * {@code GET /health/live}: the process runs and answers HTTP (restart it when this fails).
 * {@code GET /health/ready} (and {@code /health}, kept for load balancers configured with it): every readiness check
 * passes — 200 with each check's state, or 503 problem+json {@code not-ready} naming the checks that fail.
 * Both answer at once from what the checks already know; no request to them waits on the database or the broker.
 */
public final class HealthRoutes extends EndpointRouteBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Readiness readiness;

    public HealthRoutes(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public void configure() {
        from(platformHttp("/health/live").httpMethodRestrict("GET").advanced().useBodyHandler(false))
                .routeId("hub-health-live")
                .routeConfigurationId(HttpProblems.ID)
                .process(HealthRoutes::live);

        from(platformHttp("/health/ready").httpMethodRestrict("GET").advanced().useBodyHandler(false))
                .routeId("hub-health-ready")
                .routeConfigurationId(HttpProblems.ID)
                .process(this::ready);

        from(platformHttp("/health").httpMethodRestrict("GET").advanced().useBodyHandler(false))
                .routeId("hub-health")
                .routeConfigurationId(HttpProblems.ID)
                .process(this::ready);
    }

    private static void live(Exchange exchange) {
        answer(exchange.getMessage(), 200, "application/json", JSON.createObjectNode().put("status", "up"));
    }

    private void ready(Exchange exchange) {
        List<Readiness.Result> results = readiness.evaluate();
        ObjectNode checks = JSON.createObjectNode();
        results.forEach(r -> checks.put(r.name(), r.problem().orElse("up")));
        List<Readiness.Result> failing = results.stream().filter(r -> !r.ready()).toList();
        if (failing.isEmpty()) {
            answer(exchange.getMessage(), 200, "application/json",
                    JSON.createObjectNode().put("status", "ready").set("checks", checks));
            return;
        }
        String detail = failing.stream().map(r -> r.name() + ": " + r.problem().orElseThrow())
                .collect(Collectors.joining("; "));
        ObjectNode problem = ProblemResponses.body(503, "not-ready", detail);
        problem.set("checks", checks);
        answer(exchange.getMessage(), 503, ProblemResponses.PROBLEM_JSON, problem);
    }

    private static void answer(Message out, int status, String contentType, ObjectNode body) {
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, contentType);
        out.setHeader("Cache-Control", "no-store");
        out.setBody(ResponseBodies.whole(body.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
